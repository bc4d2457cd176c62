package dev.kpp.app.cli;

import dev.kpp.app.report.AtomicFiles;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Path;

/** Writes command output to stdout or, atomically, to a file. */
final class Output {
    private Output() {
    }

    static void write(CommandSpec spec, Path file, String text) throws IOException {
        if (file == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            AtomicFiles.writeString(file, text);
            spec.commandLine().getErr().println("kpp: wrote " + file);
        }
    }
}
