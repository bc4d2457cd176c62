package dev.kpp.importer.stress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kpp.importer.Fixtures;
import dev.kpp.importer.codec.Parsers;
import dev.kpp.importer.spi.ImportProblem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long YAML scalars at the real 32 MiB limit, and the stock SnakeYAML reader measured side by side
 * with kpp's (printed, not asserted: see target/surefire-reports/*YamlScalarStressTest-output.txt).
 */
@Tag("stress")
class YamlScalarStressTest {
    @TempDir
    Path dir;

    @Test
    void aLongPlainScalarHitsTheStringLimitWhileScanning() throws IOException {
        Path f = dir.resolve("long.yaml");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  k: ".getBytes(
                    StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i <= Parsers.MAX_STRING >> 20; i++) {
                out.write(chunk);
            }
        }
        ImportProblem p = Fixtures.problem(Fixtures.load(f), "limit-exceeded");
        assertThat(p.location()).startsWith("5:");
        assertThat(p.detail()).contains("longer than " + Parsers.MAX_STRING + " characters");
    }

    @Test
    void aLongScalarOfWordsHitsTheSameLimit() throws IOException {
        Path f = dir.resolve("words.yaml");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("note: ".getBytes(StandardCharsets.US_ASCII));
            byte[] words = "word ".repeat(200_000).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written <= Parsers.MAX_STRING; written += words.length) {
                out.write(words);
            }
        }
        assertThat(Fixtures.problem(Fixtures.load(f), "limit-exceeded").location()).isEqualTo("1:5");
    }

    @Test
    void scanningTimeSideBySide() throws IOException {
        org.yaml.snakeyaml.LoaderOptions lo = new org.yaml.snakeyaml.LoaderOptions();
        lo.setCodePointLimit(Integer.MAX_VALUE);
        ObjectMapper stock = new ObjectMapper(YAMLFactory.builder().loaderOptions(lo).build());
        System.out.println("scalar MB | stock SnakeYAML s | kpp s | ratio");
        for (int mb : new int[] {1, 2, 4, 8}) {
            String doc = "k: " + "x".repeat(mb << 20) + "\n";
            long t0 = System.nanoTime();
            assertThat(Parsers.YAML.readTree(doc).get("k").asText()).hasSize(mb << 20);
            double ours = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            assertThat(stock.readTree(doc).get("k").asText()).hasSize(mb << 20);
            double theirs = (System.nanoTime() - t0) / 1e9;
            System.out.println(String.format(Locale.ROOT, "%9d | %17.2f | %5.2f | %5.0fx", mb, theirs, ours,
                    theirs / ours));
        }
    }
}
