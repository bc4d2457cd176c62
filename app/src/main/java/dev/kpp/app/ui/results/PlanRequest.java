package dev.kpp.app.ui.results;

import dev.kpp.model.rules.Workload;
import dev.kpp.model.scenario.ScenarioParams;

/**
 * Everything one recomputation needs, captured on the FX thread and handed to a worker.
 *
 * @param stampNanos          when the input changed (for the input-to-chart latency)
 * @param params              the scenario (services etc. already set to the inputs)
 * @param baseWorkload        the imported inventory's workload, or null for a sample
 * @param baseServices        Services of the imported inventory (scale 1)
 * @param endpointsFactor     endpoints-per-Service scale relative to the inventory
 */
public record PlanRequest(long stampNanos, ScenarioParams params, Workload baseWorkload, long baseServices,
                          double endpointsFactor) {
    /** @return true when the request scales an imported inventory */
    public boolean scalesInventory() {
        return baseWorkload != null && baseServices > 0;
    }
}
