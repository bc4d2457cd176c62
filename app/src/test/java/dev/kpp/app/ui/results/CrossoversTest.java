package dev.kpp.app.ui.results;

import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.scenario.ScenarioParams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class CrossoversTest {
    private static final PlanResult RESULT = PlanCalculator.compute(
            new PlanRequest(0, ScenarioParams.defaults(), null, 0, 1), () -> false);

    @Test
    void iptablesRulesPerConnectionCrossAFixedBudgetOnceAndTheCrossingIsInterpolated() {
        List<Crossover> found = Crossovers.find(RESULT.sweep(), MetricCatalog.RULES_PER_CONNECTION,
                OptionalDouble.of(1_000));
        Crossover ipt = found.stream().filter(c -> c.isBudget() && c.mode() == ProxyMode.IPTABLES).findFirst()
                .orElseThrow();
        assertThat(ipt.rising()).isTrue();
        assertThat(ipt.value()).isBetween(900.0, 1_100.0);
        assertThat(ipt.services()).isBetween(10.0, 100_000.0);
    }

    @Test
    void crossingsBetweenModesReadAsTheRisingModeOvertakingTheOther() {
        List<Crossover> found = Crossovers.find(RESULT.sweep(), MetricCatalog.RULES_PER_CONNECTION,
                OptionalDouble.empty());
        assertThat(found).allSatisfy(c -> {
            assertThat(c.isBudget()).isFalse();
            assertThat(c.rising()).isTrue();
        });
    }

    @Test
    void sweepCoversTenToAtLeastOneHundredThousandServices() {
        double[] xs = RESULT.sweep().services();
        assertThat(xs[0]).isEqualTo(10);
        assertThat(xs[xs.length - 1]).isEqualTo(100_000);
        assertThat(PlanCalculator.sweepMax(80_000)).isEqualTo(1_000_000);
    }
}
