package dev.kpp.model.plan;

import dev.kpp.model.scenario.Samples;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.scenario.SyntheticCluster;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.calibration.BenchmarkDataset;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.rules.RuleCountStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PlannerTest {
    private static final Planner PLANNER = new Planner(Calibration.embedded());

    private static ScenarioParams tigera() {
        return Samples.byName("tigera-10k").orElseThrow().params();
    }

    @Test
    void tigeraWorstCaseIptablesRulesPerConnectionIsWithinFivePercentOfThePublishedFigure() {
        double published = BenchmarkDataset.embedded().byId("TIG-46").orElseThrow().value(); // ~20,000
        RuleCountStats ipt = PLANNER.predict(tigera()).mode(ProxyMode.IPTABLES).structure().clusterIp();
        assertThat((double) ipt.worst()).isCloseTo(published, within(published * 0.05));
    }

    @Test
    void tigeraChartPointsMatchTheOldLayoutsFullChainTraversal() {
        // The chart's bars equal 2 x services: the worst case of the pre-1.21 layout.
        for (String id : new String[] {"TIG-47", "TIG-48", "TIG-49", "TIG-50", "TIG-51"}) {
            var row = BenchmarkDataset.embedded().byId(id).orElseThrow();
            long services = (long) row.services().orElseThrow();
            RuleCountStats s = PLANNER.predict(tigera().withServices(services)).mode(ProxyMode.IPTABLES).structure()
                    .clusterIp();
            // 5% model tolerance plus the chart's reading resolution (3D bars, +-60 rules)
            double tolerance = row.value() * 0.05 + (row.value() - row.low().orElseThrow());
            assertThat((double) s.worst()).as(id).isCloseTo(row.value(), within(tolerance));
        }
    }

    @Test
    void iptablesRulesPerConnectionGrowWithServices() {
        double previousMean = 0;
        long previousWorst = 0;
        for (long services : new long[] {10, 100, 1_000, 10_000, 50_000}) {
            RuleCountStats s = PLANNER.predict(ScenarioParams.defaults().withServices(services))
                    .mode(ProxyMode.IPTABLES).structure().clusterIp();
            assertThat(s.mean()).isGreaterThan(previousMean);
            assertThat(s.worst()).isGreaterThan(previousWorst);
            assertThat(s.p50()).isLessThanOrEqualTo(s.p99());
            assertThat(s.p99()).isLessThanOrEqualTo(s.worst());
            previousMean = s.mean();
            previousWorst = s.worst();
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProxyMode.class, names = {"IPVS", "NFTABLES", "EBPF"})
    void perConnectionCostDoesNotGrowWithServices(ProxyMode mode) {
        ScenarioParams base = ScenarioParams.defaults().withShares(0.1, 0.05);
        RuleCountStats first = null;
        for (long services = 10; services <= 50_000; services *= 2.3) {
            RuleCountStats s = PLANNER.predict(base.withServices(services)).mode(mode).structure().clusterIp();
            if (first == null) {
                first = s;
            }
            assertThat(s.worst()).as("%s at %d services", mode, services).isEqualTo(first.worst());
            assertThat(s.mean()).as("%s at %d services", mode, services).isEqualTo(first.mean());
        }
        RuleCountStats last = PLANNER.predict(base.withServices(50_000)).mode(mode).structure().clusterIp();
        assertThat(last.worst()).isEqualTo(first.worst());
    }

    @Test
    void everyModeIsPredictedInEnumOrder() {
        Prediction p = PLANNER.predict(ScenarioParams.defaults());
        assertThat(p.modes()).extracting(ModePrediction::mode).containsExactly(ProxyMode.values());
    }

    @Test
    void ebpfMapOverflowIsWarnedAbout() {
        // 10,000 services x (1 + 10) entries > 65,536
        Prediction p = PLANNER.predict(tigera());
        assertThat(p.mode(ProxyMode.EBPF).structure().count("lbMapEntries")).isEqualTo(110_000);
        assertThat(p.warningIds()).contains("ebpf-lb-map-full");
        assertThat(PLANNER.predict(tigera().withServices(1_000)).warningIds()).doesNotContain("ebpf-lb-map-full");
    }

    @Test
    void calicoAddOnReproducesTigerasWorkedCaseWithinItsReadingRange() {
        var row = BenchmarkDataset.embedded().byId("TIG-52").orElseThrow(); // ~40, read 20..60
        double calico = PLANNER.predict(tigera()).calicoRulesPerConnection();
        assertThat(calico).isBetween(row.low().orElseThrow(), 2 * row.value() - row.low().orElseThrow());
    }

    @Test
    void nodePortCountBeyondTheDefaultRangeIsWarnedAbout() {
        Prediction p = PLANNER.predict(ScenarioParams.defaults().withServices(10_000).withShares(0.5, 0));
        assertThat(p.warningIds()).contains("nodeport-range-exceeded");
    }

    @Test
    void aLongSweepSharedAmongTheCoresGivesEveryPointsOwnPrediction() {
        PlanInput input = PlanInput.synthetic("test", tigera());
        java.util.List<Double> values = Sweep.values(10, 200_000, 300, Sweep.Spacing.LOG);
        assertThat(values.size()).isGreaterThanOrEqualTo(Planner.PARALLEL_SWEEP_POINTS);
        SweepResult sweep = PLANNER.sweep(input, Sweep.Input.SERVICES, values, () -> false);
        assertThat(sweep.points()).hasSize(values.size());
        for (int i = 0; i < values.size(); i++) {
            PlanInput at = input.with(Sweep.Input.SERVICES, values.get(i));
            assertThat(sweep.values()[i]).as("x %d", i).isEqualTo(Sweep.Input.SERVICES.applied(at.params()));
            assertThat(sweep.points().get(i)).as("point %d", i).isEqualTo(PLANNER.predict(at));
        }
    }

    @Test
    void aSweepWithSeveralBadPointsFailsWithTheFirstOnesError() {
        PlanInput input = PlanInput.synthetic("test", tigera());
        java.util.List<Double> values = new java.util.ArrayList<>(Sweep.values(10, 100_000, 400, Sweep.Spacing.LOG));
        values.set(350, -350.0);
        values.set(120, -120.0);
        values.set(390, -390.0);
        String expected = null;
        try {
            input.with(Sweep.Input.SERVICES, -120.0);
        } catch (RuntimeException e) {
            expected = e.getMessage();
        }
        assertThat(expected).as("a negative Service count is refused").isNotNull().contains("-120");
        for (int round = 0; round < 20; round++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> PLANNER.sweep(input, Sweep.Input.SERVICES,
                    values, () -> false)).hasMessage(expected);
        }
    }
}
