package dev.kpp.model.advice;

import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Budgets;
import dev.kpp.model.plan.Metric;
import dev.kpp.model.plan.MetricCatalog;
import dev.kpp.model.plan.PlanInput;
import dev.kpp.model.plan.Sweep;
import dev.kpp.model.scenario.ScenarioParams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.kpp.model.advice.AdvisorTest.ADVISOR;
import static dev.kpp.model.advice.AdvisorTest.PLANNER;
import static dev.kpp.model.advice.AdvisorTest.TODAY;
import static dev.kpp.model.advice.AdvisorTest.advise;
import static dev.kpp.model.advice.AdvisorTest.noKeepAlive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AdviceDetailsTest {
    private static Finding reason(Recommendation r, Finding.Code code) {
        return r.reasons().stream().filter(f -> f.code() == code).findFirst().orElseThrow();
    }

    @Test
    void reasonsCarryTheComputedNumbersSoAnotherInputGivesAnotherSentence() {
        Budgets tight = Budgets.none().with(Metric.CPU_CORES, 0.01);
        Recommendation a = advise(noKeepAlive(5_000, "6.1", "1.33"), tight, Advisor.Options.defaults(TODAY));
        Recommendation b = advise(noKeepAlive(20_000, "6.1", "1.33"), tight, Advisor.Options.defaults(TODAY));
        Finding fa = reason(a, Finding.Code.EXCEEDS_BUDGET);
        Finding fb = reason(b, Finding.Code.EXCEEDS_BUDGET);
        assertThat(fa.mode()).isEqualTo(ProxyMode.IPTABLES);
        assertThat(fa.params().get("metric")).isEqualTo("cpuCores");
        double cpuA = Metric.CPU_CORES.of(PLANNER.predict(noKeepAlive(5_000, "6.1", "1.33")).mode(ProxyMode.IPTABLES))
                .value();
        assertThat((double) fa.params().get("value")).isEqualTo(cpuA);
        assertThat((double) fb.params().get("value")).isGreaterThan(cpuA);
        // the inputs that drive the excess are named, from the sensitivity analysis
        assertThat((String) fa.params().get("drivers")).contains("services");
    }

    @Test
    void growthDatesFollowFromTheCrossingAndTheRate() {
        ScenarioParams p = noKeepAlive(2_000, "6.1", "1.33");
        Growth rate = new Growth.Linear(150);
        Recommendation r = advise(p, MetricCatalog.defaultBudgets(), Advisor.Options.defaults(TODAY).withGrowth(rate));
        assertThat(r.growth()).isNotEmpty();
        for (Recommendation.GrowthDate g : r.growth()) {
            double months = (g.threshold().at() - p.services()) / 150.0;
            assertThat(g.months()).isCloseTo(months, within(1e-9));
            assertThat(g.date()).isEqualTo(TODAY.plusDays(Math.round(months * Growth.DAYS_PER_MONTH)));
            assertThat(r.thresholds()).contains(g.threshold());
        }
        Growth compound = new Growth.Compound(0.05);
        assertThat(compound.monthsTo(2_000, 4_000)).isCloseTo(Math.log(2) / Math.log(1.05), within(1e-9));
        assertThat(compound.servicesAfter(2_000, compound.monthsTo(2_000, 4_000))).isCloseTo(4_000, within(1e-6));
    }

    @Test
    void endpointThresholdsLieBetweenTheSweepPointsThatBracketTheBudget() {
        ScenarioParams p = noKeepAlive(5_000, "6.1", "1.33");
        Budgets budgets = MetricCatalog.defaultBudgets();
        Recommendation r = advise(p, budgets, Advisor.Options.defaults(TODAY));
        List<Recommendation.Threshold> eps = r.thresholds().stream()
                .filter(t -> t.axis().equals("endpointsPerService")).toList();
        assertThat(eps).isNotEmpty();
        for (Recommendation.Threshold t : eps) {
            double limit = t.budget().orElseThrow();
            double below = t.metric().of(PLANNER.predict(PlanInput.synthetic("t", p).with(Sweep.Input.ENDPOINTS,
                    Math.max(1, Math.floor(t.at() / 1.2)))).mode(t.mode())).value();
            double above = t.metric().of(PLANNER.predict(PlanInput.synthetic("t", p).with(Sweep.Input.ENDPOINTS,
                    Math.ceil(t.at() * 1.2))).mode(t.mode())).value();
            assertThat(t.rising() ? below : above).isLessThanOrEqualTo(limit * (1 + 0.02));
            assertThat(t.rising() ? above : below).isGreaterThan(limit * (1 - 0.02));
        }
    }

    @Test
    void theTornadoMovesWithEachInputAndKeepAliveNeverRaisesTheCost() {
        Recommendation r = advise(noKeepAlive(10_000, "6.1", "1.33"));
        Recommendation.Bar services = r.sensitivity().stream().filter(b -> b.input().equals("services")
                && b.mode() == ProxyMode.IPTABLES && b.metric() == Metric.CPU_CORES).findFirst().orElseThrow();
        assertThat(services.atHigh()).isGreaterThan(services.base());
        assertThat(services.atLow()).isLessThan(services.base());
        assertThat(services.inputHigh()).isEqualTo(15_000);
        assertThat(services.inputLow()).isEqualTo(5_000);
        Recommendation.Bar keepAlive = r.sensitivity().stream().filter(b -> b.input().equals("requestsPerConnection")
                && b.mode() == ProxyMode.IPTABLES && b.metric() == Metric.CPU_CORES).findFirst().orElseThrow();
        assertThat(keepAlive.atHigh()).isLessThanOrEqualTo(keepAlive.base());
    }

    @Test
    void aFlipIsWhereTheRecommendationChanges() {
        // a budget iptables meets at 500 Services and misses a few thousand Services later
        Budgets rules = Budgets.none().with(Metric.RULES_PER_CONNECTION, 1_000.0);
        ScenarioParams p = noKeepAlive(500, "6.1", "1.33");
        Recommendation r = advise(p, rules, Advisor.Options.defaults(TODAY));
        assertThat(r.mode()).isEqualTo(ProxyMode.IPTABLES);
        Recommendation.Flip flip = r.flips().stream().filter(f -> f.input().equals("services")).findFirst()
                .orElseThrow();
        assertThat(flip.at()).isGreaterThan(p.services());
        assertThat(flip.to()).isNotEqualTo(ProxyMode.IPTABLES);
        assertThat(advise(p.withServices(Math.round(flip.at())), rules, Advisor.Options.defaults(TODAY)).mode())
                .isEqualTo(flip.to());
        assertThat(advise(p.withServices(Math.round(flip.at() / 1.1)), rules, Advisor.Options.defaults(TODAY))
                .mode()).isEqualTo(ProxyMode.IPTABLES);
        // iptables' mean rules per connection reach the budget there (structure, not a fit)
        double rulesAtFlip = Metric.RULES_PER_CONNECTION.of(PLANNER.predict(p.withServices(Math.round(flip.at())))
                .mode(ProxyMode.IPTABLES)).value();
        assertThat(rulesAtFlip).isGreaterThan(1_000.0);
    }

    @Test
    void anExplicitModeThatMeetsItsBudgetsNeedsNoPlan() {
        ScenarioParams p = ScenarioParams.defaults().withServices(300);
        var plan = PLANNER.plan(PlanInput.synthetic("t", p), MetricCatalog.defaultBudgets(), () -> false);
        Recommendation r = ADVISOR.advise(plan, ClusterFacts.synthetic(p, Optional.of(ProxyMode.IPTABLES)),
                Advisor.Options.defaults(TODAY));
        assertThat(r.action()).isEqualTo(Recommendation.Action.STAY);
        assertThat(r.migration()).isNull();
        assertThat(r.reasons()).extracting(Finding::code).doesNotContain(Finding.Code.IMPLICIT_MODE);
    }
}
