package dev.kpp.app.report;

import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.ObservedMetrics;
import dev.kpp.model.advice.Advisor;
import dev.kpp.model.advice.ClusterFacts;
import dev.kpp.model.advice.Recommendation;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Budgets;
import dev.kpp.model.plan.Plan;
import dev.kpp.model.plan.PlanInput;
import dev.kpp.model.plan.Planner;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The one way the CLI, the window and the reports get advice for a plan input: the same facts from the
 * same import, the same plan, the same advisor. Whatever shows a recommendation calls this.
 */
public final class Advice {
    /** The series that says whether a cluster uses NodePorts on localhost (iptables mode, 1.31+). */
    public static final String LOCALHOST_NODEPORTS = "kubeproxy_iptables_localhost_nodeports_accepted_packets_total";

    private Advice() {
    }

    /**
     * A plan and the advice on it.
     *
     * @param plan           the plan
     * @param recommendation the advice
     */
    public record Result(Plan plan, Recommendation recommendation) {
    }

    /**
     * @param planner     the planner
     * @param input       what to plan
     * @param imported    the import behind an inventory input, or null
     * @param currentMode the mode the cluster runs, for a scenario without an inventory (empty: unset)
     * @param budgets     the budgets
     * @param options     growth, horizon, date, sensitivity
     * @return the plan and the recommendation
     */
    public static Result advise(Planner planner, PlanInput input, ImportResult imported,
                                Optional<ProxyMode> currentMode, Budgets budgets, Advisor.Options options) {
        Plan plan = planner.plan(input, budgets, () -> false);
        return new Result(plan, new Advisor(planner).advise(plan, facts(input, imported, currentMode), options));
    }

    /**
     * @return what the advisor knows: from the inventory when there is one (with the scenario's kernel
     *         when the user set another one), else from the scenario
     */
    public static ClusterFacts facts(PlanInput input, ImportResult imported, Optional<ProxyMode> currentMode) {
        if (input.inventory() == null || imported == null) {
            return ClusterFacts.synthetic(input.params(), currentMode);
        }
        ClusterFacts f = ClusterFacts.of(input.inventory().inventory(), localhostNodePorts(imported));
        if (!input.params().kernel().equals(input.inventory().params().kernel())) {
            f = f.withKernel(input.params().kernel());
        }
        return currentMode.isPresent() ? f.withMode(currentMode) : f;
    }

    /** @return the localhost-NodePort counter summed over the imported metrics files, if any has it */
    static OptionalDouble localhostNodePorts(ImportResult r) {
        double sum = 0;
        boolean seen = false;
        for (ObservedMetrics m : r.metrics()) {
            double v = m.sum(LOCALHOST_NODEPORTS);
            if (!Double.isNaN(v)) {
                sum += v;
                seen = true;
            }
        }
        return seen ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }
}
