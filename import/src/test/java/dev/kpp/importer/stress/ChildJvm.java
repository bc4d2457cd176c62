package dev.kpp.importer.stress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class of the test classpath in a child JVM. */
final class ChildJvm {
    private ChildJvm() {
    }

    static ProcessBuilder builder(List<String> jvmOptions, Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    static Process start(List<String> jvmOptions, Class<?> main, String... args) throws IOException {
        return builder(jvmOptions, main, args).redirectErrorStream(true).start();
    }
}
