package dev.kpp.model.cost;

import java.util.List;

/**
 * Calibrated costs of one proxy mode for one scenario.
 *
 * @param syncFullSeconds      full sync duration
 * @param syncPartialSeconds   sync duration when one Service changes
 * @param syncColdStartSeconds first sync on a new node
 * @param cpuCores             CPU per node: data plane + control plane
 * @param cpuDataPlaneCores    of which: new connections evaluating rules
 * @param cpuControlPlaneCores of which: kube-proxy syncs
 * @param addedLatencyMs       latency added to the first packet of a new connection
 * @param conntrack            conntrack pressure
 * @param benchmarkIds         dataset rows whose fits inform these numbers
 */
public record ModeCosts(Estimate syncFullSeconds, Estimate syncPartialSeconds, Estimate syncColdStartSeconds,
                        Estimate cpuCores, double cpuDataPlaneCores, double cpuControlPlaneCores,
                        Estimate addedLatencyMs, ConntrackEstimate conntrack, List<String> benchmarkIds) {
    public ModeCosts {
        benchmarkIds = List.copyOf(benchmarkIds);
    }
}
