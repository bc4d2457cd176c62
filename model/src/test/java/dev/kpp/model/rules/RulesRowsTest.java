package dev.kpp.model.rules;

import dev.kpp.model.calibration.BenchmarkDataset;
import dev.kpp.model.calibration.BenchmarkPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RULES-* rows of the embedded dataset are kube-proxy's own TestNumberIptablesRules figures;
 * the structural model must reproduce every one exactly, through the whole inventory path.
 */
class RulesRowsTest {
    private static final Pattern FILTER = Pattern.compile("expectedFilterRules=(\\d+)");

    static List<BenchmarkPoint> rulesRows() {
        return BenchmarkDataset.embedded().select(p -> p.id().startsWith("RULES-"));
    }

    @Test
    void datasetHoldsTheSeventeenKubeProxyTestCases() {
        assertThat(rulesRows()).hasSize(17);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesRows")
    void natAndFilterRuleCountsEqualKubeProxysOwnTest(BenchmarkPoint row) {
        int services = (int) row.services().orElseThrow();
        int endpoints = (int) row.endpointsPerService().orElseThrow();
        Fixtures.Spec spec = row.metric().endsWith("LoadBalancer")
                ? Fixtures.Spec.kubeProxyTestLoadBalancer() : Fixtures.Spec.clusterIp();
        Matcher m = FILTER.matcher(row.notes());
        assertThat(m.find()).as("row %s names its filter count", row.id()).isTrue();

        ModeStructure s = Fixtures.iptables(Fixtures.inventory(services, endpoints, spec), Fixtures.V1_26);

        assertThat(s.count("nat")).as("nat rules for %s", row.id()).isEqualTo((long) row.value());
        assertThat(s.count("filter")).as("filter rules for %s", row.id()).isEqualTo(Long.parseLong(m.group(1)));
    }
}
