package dev.kpp.app.cli;

import dev.kpp.app.text.Texts;
import dev.kpp.importer.Importers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands that need no calibration never fit one: the CLI context fits on first use, and no class a command
 * loads fits in a static initializer (checked in a fresh JVM, where nothing is fitted yet, through the calibration
 * cache: a fit writes an entry, a restore does not). Commands that predict restore the cached fit.
 */
class LazyCalibrationTest {
    @TempDir
    Path dir;

    private Path dump() throws IOException {
        Path d = dir.resolve("d.json");
        if (!Files.exists(d)) {
            StringWriter out = new StringWriter();
            CliContext ctx = new CliContext(() -> {
                throw new AssertionError("generate needs no calibration");
            }, Importers.defaults(), Texts.english(), Clock.systemUTC());
            int code = Cli.commandLine(new PrintWriter(out), new PrintWriter(new StringWriter()), ctx, false)
                    .execute("generate", "--services", "50", "--endpoints-per-service", "3", "-o", d.toString());
            assertThat(code).isZero();
        }
        return d;
    }

    @ParameterizedTest
    @ValueSource(strings = {"import", "inventory", "samples", "contexts", "generate", "diff", "--version", "--help"})
    void theCliContextIsNotAskedForACalibrationBy(String command) throws IOException {
        Path d = dump();
        List<String> args = new ArrayList<>(List.of(command));
        switch (command) {
            case "import" -> args.addAll(List.of(d.toString(), "-o", dir.resolve("s.kpp.json").toString()));
            case "inventory" -> args.add(d.toString());
            case "diff" -> args.addAll(List.of(d.toString(), d.toString()));
            case "contexts" -> args.addAll(List.of("--kubeconfig", dir.resolve("none").toString()));
            case "generate" -> args.addAll(List.of("--services", "5", "-o", dir.resolve("g.json").toString()));
            default -> {
            }
        }
        CliContext ctx = new CliContext(() -> {
            throw new AssertionError(command + " asked for the calibration");
        }, Importers.defaults(), Texts.english(), Clock.systemUTC());
        StringWriter err = new StringWriter();
        int code = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err), ctx, false)
                .execute(args.toArray(String[]::new));
        assertThat(err.toString()).doesNotContain("asked for the calibration");
        assertThat(code).as(err.toString()).isIn(0, Cli.EXIT_USAGE, 1);
    }

    private record Run(int code, String err) {
    }

    private Run launch(Path cache, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Dkpp.cache.dir=" + cache, "-cp", System.getProperty("java.class.path"),
                "dev.kpp.app.Launcher"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), err);
    }

    private static List<Path> entries(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(f -> f.getFileName().toString().startsWith("calibration-")).toList();
        }
    }

    @Test
    void inAFreshJvmImportAndInventoryFitNothingWhilePredictFitsOnceThenRestores() throws Exception {
        Path d = dump();
        Path cache = dir.resolve("cache");
        Run imp = launch(cache, "import", d.toString(), "-o", dir.resolve("x.kpp.json").toString());
        assertThat(imp.code()).as(imp.err()).isZero();
        Run inv = launch(cache, "inventory", d.toString());
        assertThat(inv.code()).as(inv.err()).isZero();
        assertThat(entries(cache)).as("a fit writes a cache entry; import and inventory must not fit").isEmpty();

        Run first = launch(cache, "predict", "--sample", "tigera-10k");
        assertThat(first.code()).as(first.err()).isZero();
        List<Path> after = entries(cache);
        assertThat(after).as("predict fitted and kept the fit").hasSize(1);
        long written = Files.getLastModifiedTime(after.get(0)).toMillis();
        String content = Files.readString(after.get(0));
        Run second = launch(cache, "predict", "--sample", "tigera-10k");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(entries(cache)).containsExactlyElementsOf(after);
        assertThat(Files.readString(after.get(0))).as("restored, not refitted and rewritten").isEqualTo(content);
        assertThat(Files.getLastModifiedTime(after.get(0)).toMillis()).isEqualTo(written);
    }
}
