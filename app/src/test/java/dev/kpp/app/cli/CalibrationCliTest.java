package dev.kpp.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kpp.model.calibration.BenchmarkDataset;
import dev.kpp.model.calibration.BenchmarkPoint;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The calibration's CLI contract (issue 14): what `kpp calibrate` and `kpp validate` must show. */
class CalibrationCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void calibrateJsonMeetsTheTargetsAndNamesConfidenceLeaveSourceOutAndCoverage() throws Exception {
        JsonNode json = JSON.readTree(CliTest.run("calibrate", "--format", "json").out());
        assertThat(json.path("rowsUsed").asInt()).isGreaterThanOrEqualTo(100);
        assertThat(json.path("looCoverage90").asDouble()).isBetween(0.80, 0.95);
        assertThat(json.path("fitMillis").isNumber()).isTrue();
        assertThat(json.path("assumptions")).isNotEmpty();
        for (JsonNode m : json.path("models")) {
            String id = m.path("id").asText();
            JsonNode v = m.path("validation");
            assertThat(m.path("confidence").asText()).as(id).isIn("exact", "high", "low");
            assertThat(m.has("form")).as(id).isTrue();
            if ("structural".equals(m.path("form").asText())) {
                continue;
            }
            assertThat(v.path("inSampleMedianFactor").asDouble()).as(id).isLessThanOrEqualTo(1.5);
            assertThat(v.path("looMedianFactor").asDouble()).as(id).isLessThanOrEqualTo(2.0);
            assertThat(v.path("looCoverage90").isNumber()).as(id).isTrue();
            if (v.path("sources").asInt() >= 2) {
                assertThat(v.path("lsoMedianFactor").isNumber()).as(id).isTrue();
            }
            if (v.path("points").asInt() < 5 || v.path("sources").asInt() < 2) {
                assertThat(m.path("confidence").asText()).as(id).isEqualTo("low");
                assertThat(m.path("reason").asText()).as(id).isNotBlank();
            }
            assertThat(m.path("forms")).as(id).isNotEmpty();
        }
    }

    @Test
    void everyDatasetRowIsUsedOrListedByValidateWithItsReason() throws Exception {
        JsonNode json = JSON.readTree(CliTest.run("validate", "--format", "json").out());
        Set<String> seen = new HashSet<>();
        for (JsonNode m : json.path("models")) {
            for (JsonNode row : m.path("rows")) {
                seen.add(row.path("benchmarkId").asText());
                if (!row.path("used").asBoolean()) {
                    assertThat(row.path("reasonCode").asText()).as(row.path("benchmarkId").asText()).isNotBlank();
                    assertThat(row.path("note").asText()).as(row.path("benchmarkId").asText()).isNotBlank();
                }
            }
        }
        List<String> ids = BenchmarkDataset.embedded().points().stream().map(BenchmarkPoint::id).toList();
        assertThat(seen).containsAll(ids);
        String table = CliTest.run("validate").out();
        assertThat(table).contains("family", "cover", "overall leave-one-out coverage", "leave-source-out median");
    }

    @Test
    void predictJsonAddsConfidenceBasisAndTheNewOutputs() throws Exception {
        JsonNode json = JSON.readTree(CliTest.run("predict", "--sample", "tigera-10k", "--format", "json").out());
        for (JsonNode m : json.path("modes")) {
            for (String key : List.of("addedLatencyMs", "cpuPerConnectionUs", "memoryMiB")) {
                JsonNode e = m.path(key);
                assertThat(e.path("confidence").asText()).as(key).isIn("exact", "high", "low");
                assertThat(e.path("basis").isArray()).as(key).isTrue();
                assertThat(e.path("low").asDouble()).isLessThanOrEqualTo(e.path("value").asDouble());
            }
            assertThat(m.path("syncSeconds").path("restart").path("value").isNumber()).isTrue();
            assertThat(m.path("latencyMs").path("p99").path("value").isNumber()).isTrue();
            assertThat(m.path("latencyMs").path("clusterIpLast").path("value").isNumber()).isTrue();
            assertThat(m.path("networkProgrammingSeconds").path("p50").path("value").isNumber()).isTrue();
        }
        assertThat(CliTest.run("predict", "--sample", "tigera-10k").out()).contains("* low confidence");
    }
}
