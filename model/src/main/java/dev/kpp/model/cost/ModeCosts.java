package dev.kpp.model.cost;

import java.util.List;

/**
 * Calibrated costs of one proxy mode for one scenario. Every {@link Estimate} carries its 90% band, its
 * confidence and the benchmark rows it rests on.
 *
 * @param syncFullSeconds       full sync duration (iptables and nftables: the periodic or forced full rewrite; IPVS:
 *                              every sync; eBPF: writing every map entry, which only happens at start-up)
 * @param syncPartialSeconds    sync duration when one Service changes
 * @param syncColdStartSeconds  first sync on a new node (empty ruleset)
 * @param cpuCores              CPU per node: data plane + control plane
 * @param cpuDataPlaneCores     of which: new connections evaluating rules
 * @param cpuControlPlaneCores  of which: kube-proxy syncs
 * @param addedLatencyMs        mean latency added to the first packet of a new connection (ClusterIP)
 * @param conntrack             conntrack pressure
 * @param benchmarkIds          dataset rows whose fits inform these numbers
 * @param syncRestartSeconds    first sync after kube-proxy restarts with its rules in place
 * @param latencyP50Ms          added first-packet latency, ClusterIP, median over Services and endpoints
 * @param latencyP90Ms          the same, 90th percentile
 * @param latencyP99Ms          the same, 99th percentile
 * @param clusterIpFirstMs      ClusterIP connection to the Service whose rule comes first
 * @param clusterIpLastMs       ClusterIP connection to the Service whose rule comes last (its last endpoint)
 * @param nodePortFirstMs       NodePort connection to the first NodePort (0 without NodePort Services)
 * @param nodePortLastMs        NodePort connection to the last NodePort (0 without NodePort Services)
 * @param cpuPerConnectionUs    CPU one new ClusterIP connection costs in rule evaluation, us
 * @param networkProgrammingP50Seconds endpoint change to rules in effect, median
 * @param networkProgrammingP99Seconds endpoint change to rules in effect, 99th percentile
 * @param memoryMiB             proxy process memory (kube-proxy; the Cilium agent's state for eBPF)
 */
public record ModeCosts(Estimate syncFullSeconds, Estimate syncPartialSeconds, Estimate syncColdStartSeconds,
                        Estimate cpuCores, double cpuDataPlaneCores, double cpuControlPlaneCores,
                        Estimate addedLatencyMs, ConntrackEstimate conntrack, List<String> benchmarkIds,
                        Estimate syncRestartSeconds, Estimate latencyP50Ms, Estimate latencyP90Ms,
                        Estimate latencyP99Ms, Estimate clusterIpFirstMs, Estimate clusterIpLastMs,
                        Estimate nodePortFirstMs, Estimate nodePortLastMs, Estimate cpuPerConnectionUs,
                        Estimate networkProgrammingP50Seconds, Estimate networkProgrammingP99Seconds,
                        Estimate memoryMiB) {
    public ModeCosts {
        benchmarkIds = List.copyOf(benchmarkIds);
    }

    /** @return every estimate with a name, in a stable order (for reports and tests) */
    public java.util.Map<String, Estimate> estimates() {
        java.util.Map<String, Estimate> m = new java.util.LinkedHashMap<>();
        m.put("syncFullSeconds", syncFullSeconds);
        m.put("syncPartialSeconds", syncPartialSeconds);
        m.put("syncColdStartSeconds", syncColdStartSeconds);
        m.put("syncRestartSeconds", syncRestartSeconds);
        m.put("cpuCores", cpuCores);
        m.put("addedLatencyMs", addedLatencyMs);
        m.put("latencyP50Ms", latencyP50Ms);
        m.put("latencyP90Ms", latencyP90Ms);
        m.put("latencyP99Ms", latencyP99Ms);
        m.put("clusterIpFirstMs", clusterIpFirstMs);
        m.put("clusterIpLastMs", clusterIpLastMs);
        m.put("nodePortFirstMs", nodePortFirstMs);
        m.put("nodePortLastMs", nodePortLastMs);
        m.put("cpuPerConnectionUs", cpuPerConnectionUs);
        m.put("networkProgrammingP50Seconds", networkProgrammingP50Seconds);
        m.put("networkProgrammingP99Seconds", networkProgrammingP99Seconds);
        m.put("memoryMiB", memoryMiB);
        return m;
    }
}
