package dev.kpp.app.cli;

import dev.kpp.app.text.AppInfo;
import dev.kpp.app.text.Texts;
import dev.kpp.importer.Importers;
import dev.kpp.model.calibration.Calibration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON contract (docs/cli.md) as golden files: {@code predict}, {@code sweep}, {@code inventory}
 * and {@code calibrate} output compared byte for byte, with a fixed clock and a default locale that
 * is not English (German: decimal commas) to prove the output does not depend on it.
 * {@code -Dgolden.update=true} rewrites the files; review the diff like code.
 */
class GoldenCliTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/cli");
    private static final String INPUT = "src/test/resources/golden/input/cluster.json";
    private Locale saved;

    @BeforeEach
    void germanLocale() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "predict-tigera-10k.json | predict --sample tigera-10k --format json",
        "predict-defaults-flags.json | predict --services 12k --endpoints-per-service 8 --nodeport-share 5% --kernel 5.15 --format json",
        "predict-inventory.json | predict --inventory " + INPUT + " --services 120 --format json",
        "sweep-growth-4k.json | sweep --sample growth-4k --vary services --from 100 --to 20k --points 4 --format json",
        "sweep-inventory.csv | sweep --inventory " + INPUT + " --vary endpoints --from 1 --to 10 --points 3",
        "inventory.json | inventory " + INPUT + " --format json",
        "inventory.txt | inventory " + INPUT,
        "calibrate.json | calibrate --format json",
        "predict-tigera-10k.txt | predict --sample tigera-10k",
        "recommend-10k.json | recommend --services 10k --requests-per-connection 1 --growth 150/month --format json",
        "recommend-inventory.md | recommend --inventory " + INPUT + " --growth 5%/month --format markdown",
        "recommend-kernel-418.txt | recommend --services 10k --requests-per-connection 1 --kernel 4.18 --kubernetes-version 1.35"})
    void outputMatchesTheGoldenFile(String file, String command) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(Calibration::embedded, Importers.defaults(), Texts.english(),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        int code = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), context, false)
                .execute(command.trim().split("\\s+"));
        assertThat(code).as(err.toString()).isZero();
        String actual = normalise(out.toString());
        Path golden = GOLDEN.resolve(file);
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    /** The version changes with every release; everything else must not. */
    private static String normalise(String s) {
        return s.replace("\r\n", "\n").replace(AppInfo.version(), "VERSION")
                .replaceAll("\"fitMillis\" : [0-9.]+", "\"fitMillis\" : TIME"); // a measurement, not a result
    }
}
