package dev.kpp.importer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kpp.importer.metrics.PrometheusTextParser;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportException;
import dev.kpp.importer.spi.ObservedMetrics;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the Prometheus text parser (kube-proxy {@code /metrics}). The bytes are decoded leniently
 * here, so this target exercises the parser; undecodable bytes go through the file importer in
 * {@link ImportFileFuzzTest}. Seed: {@code metrics/kube-proxy-metrics.txt}.
 */
@Timeout(10)
class MetricsFuzzTest {
    @MethodSource("dev.kpp.importer.fuzz.Seeds#metrics")
    @FuzzTest(maxDuration = "10m")
    void metrics(byte[] input) throws IOException {
        if (!FuzzContract.reachesParser(input)) {
            return;
        }
        ObservedMetrics m;
        try {
            m = PrometheusTextParser.parse(FuzzContract.SOURCE,
                    new StringReader(new String(input, StandardCharsets.UTF_8)), Cancellation.NEVER);
        } catch (ImportException e) {
            FuzzContract.rejected(e);
            return;
        }
        FuzzContract.bounded(m, input.length);
    }
}
