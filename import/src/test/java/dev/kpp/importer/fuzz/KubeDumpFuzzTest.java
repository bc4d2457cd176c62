package dev.kpp.importer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kpp.importer.codec.Parsers;
import dev.kpp.importer.file.InventoryCollector;
import dev.kpp.importer.file.KubeDumpReader;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzzes the kubectl dump reader ({@code kubectl get -o json|yaml}) and the collector that turns
 * objects into the inventory. Seeds: {@code file/cluster.json} and {@code file/cluster.yaml}.
 * {@code @Timeout} bounds each input (in fuzzing runs it becomes libFuzzer's {@code -timeout}).
 * Unlike the line-based targets these take raw bytes, binary ones included: the reader is also
 * called by live import, where no binary check comes first, so any bytes must give its own error.
 */
@Timeout(10)
class KubeDumpFuzzTest {
    @MethodSource("dev.kpp.importer.fuzz.Seeds#kubectlJson")
    @FuzzTest(maxDuration = "10m")
    void json(byte[] input) throws IOException {
        read(input, false);
    }

    @MethodSource("dev.kpp.importer.fuzz.Seeds#kubectlYaml")
    @FuzzTest(maxDuration = "10m")
    void yaml(byte[] input) throws IOException {
        read(input, true);
    }

    private static void read(byte[] input, boolean yaml) throws IOException {
        InventoryCollector c = new InventoryCollector(Parsers.YAML);
        try {
            KubeDumpReader.read(new ByteArrayInputStream(input), yaml, FuzzContract.SOURCE, c, Cancellation.NEVER);
        } catch (ImportException e) {
            FuzzContract.rejected(e);
            return;
        }
        FuzzContract.problemsWellFormed(c.problems());
        FuzzContract.bounded(c.build(FuzzContract.SOURCE), input.length);
    }
}
