package dev.kpp.model.plan;

import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.scenario.Samples;
import dev.kpp.model.scenario.ScenarioParams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class CrossoversTest {
    private static final Planner PLANNER = new Planner(Calibration.embedded());
    /** Ratio of two neighbouring growth-sweep points. */
    private static final double STEP = Math.pow(10, 1.0 / Planner.GROWTH_POINTS_PER_DECADE);

    private static double cpu(ScenarioParams p, long services) {
        return Metric.CPU_CORES.of(PLANNER.predict(p.withServices(services)).mode(ProxyMode.IPTABLES)).value();
    }

    /** The smallest Service count at which iptables CPU exceeds the budget, by bisection on the planner. */
    private static long bisect(ScenarioParams p, double budget, long lo, long hi) {
        while (hi - lo > 1) {
            long mid = (lo + hi) / 2;
            if (cpu(p, mid) > budget) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    @Test
    void findsWhereIptablesCpuCrossesABudgetToWithinOneSweepStep() {
        ScenarioParams p = Samples.byName("tigera-10k").orElseThrow().params();
        // a budget the curve must cross: between its values at 100 and at 50,000 Services
        double budget = Math.sqrt(cpu(p, 100) * cpu(p, 50_000));
        long expected = bisect(p, budget, 100, 50_000);

        Plan plan = PLANNER.plan(PlanInput.synthetic("test", p), Budgets.none().with(Metric.CPU_CORES, budget),
                () -> false);
        List<Crossover> crossings = plan.crossovers(Metric.CPU_CORES).stream()
                .filter(c -> c.isBudget() && c.mode() == ProxyMode.IPTABLES).toList();

        assertThat(crossings).hasSize(1);
        Crossover c = crossings.get(0);
        assertThat(c.rising()).isTrue();
        assertThat(c.budget()).hasValue(budget);
        assertThat(c.services()).isBetween(expected / STEP, expected * STEP);
    }

    @Test
    void everyModeCrossingLiesBetweenTwoSweepPointsWhereTheOrderFlips() {
        ScenarioParams p = Samples.byName("growth-4k").orElseThrow().params();
        SweepResult sweep = PLANNER.sweep(PlanInput.synthetic("test", p), Sweep.Input.SERVICES,
                Planner.growthServices(p.services()), () -> false);
        int checked = 0;
        for (Metric m : MetricCatalog.chartable()) {
            for (Crossover c : Crossovers.find(sweep, m, OptionalDouble.empty())) {
                double[] xs = sweep.values();
                int i = 1;
                while (i < xs.length && xs[i] < c.services()) {
                    i++;
                }
                double before = m.of(sweep.points().get(i - 1).mode(c.mode())).value()
                        - m.of(sweep.points().get(i - 1).mode(c.other())).value();
                double after = m.of(sweep.points().get(Math.min(i, xs.length - 1)).mode(c.mode())).value()
                        - m.of(sweep.points().get(Math.min(i, xs.length - 1)).mode(c.other())).value();
                // "mode overtakes other": below before the crossing (or level), above after it
                assertThat(before).as("%s %s vs %s before %s", m, c.mode(), c.other(), c.services())
                        .isLessThanOrEqualTo(Math.abs(after) * Crossovers.TOLERANCE * 3 + 1e-12);
                assertThat(after).as("%s %s vs %s after %s", m, c.mode(), c.other(), c.services()).isPositive();
                checked++;
            }
        }
        assertThat(checked).as("the growth sample has mode crossings to check").isPositive();
    }
}
