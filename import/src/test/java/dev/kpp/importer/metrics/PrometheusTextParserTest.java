package dev.kpp.importer.metrics;

import dev.kpp.importer.spi.HistogramSummary;

import dev.kpp.importer.spi.ObservedMetrics;

import dev.kpp.importer.Fixtures;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportException;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PrometheusTextParserTest {
    @Test
    void readsKubeProxyHistogramsAndCounters() throws Exception {
        ObservedMetrics m;
        try (Reader r = Files.newBufferedReader(Fixtures.resource("metrics/kube-proxy-metrics.txt"))) {
            m = PrometheusTextParser.parse("metrics.txt", r, Cancellation.NEVER);
        }
        assertThat(m.histograms()).containsOnlyKeys(ObservedMetrics.SYNC_DURATION, ObservedMetrics.SYNC_FULL_DURATION,
                ObservedMetrics.SYNC_PARTIAL_DURATION, ObservedMetrics.NETWORK_PROGRAMMING_DURATION);
        HistogramSummary sync = m.histogram(ObservedMetrics.SYNC_DURATION);
        assertThat(sync.count()).isEqualTo(62);
        assertThat(sync.mean()).isCloseTo(1.19 / 62, within(1e-12));
        assertThat(sync.buckets()).hasSize(9);
        assertThat(m.histogram(ObservedMetrics.SYNC_PARTIAL_DURATION).count()).isEqualTo(50);
        // 50th of 100 programming latencies falls in (1, 2]: 1 + (50-40)/55
        assertThat(m.histogram(ObservedMetrics.NETWORK_PROGRAMMING_DURATION).quantile(0.5))
                .isCloseTo(1 + 10.0 / 55, within(1e-9));
        assertThat(m.value(ObservedMetrics.IPTABLES_TOTAL + "{table=\"nat\"}")).isEqualTo(84);
        assertThat(m.sum(ObservedMetrics.IPTABLES_TOTAL)).isEqualTo(90);
        assertThat(m.value(ObservedMetrics.ENDPOINT_CHANGES_TOTAL)).isEqualTo(1234);
        assertThat(m.value(ObservedMetrics.SERVICE_CHANGES_TOTAL)).isEqualTo(87);
        assertThat(m.otherSeries()).isEqualTo(3);
    }

    @Test
    void malformedLinesNameLineAndColumn() {
        assertThatThrownBy(() -> PrometheusTextParser.parse("m.txt", new StringReader(
                "# TYPE x counter\nkubeproxy_x{table=\"nat\" 3\n"), Cancellation.NEVER))
                .isInstanceOf(ImportException.class).hasMessageStartingWith("m.txt:2:");
        assertThatThrownBy(() -> PrometheusTextParser.parse("m.txt", new StringReader("kubeproxy_x abc\n"),
                Cancellation.NEVER)).isInstanceOf(ImportException.class).hasMessageContaining("not a number");
    }
}
