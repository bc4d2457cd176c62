package dev.kpp.app.ui.results;

import dev.kpp.model.cost.ConntrackEstimate;
import dev.kpp.model.cost.Estimate;
import dev.kpp.model.rules.RuleCountStats;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every metric the window shows, in display order. Table columns, charts, budgets and crossovers
 * are all generated from this list; reports may reuse it.
 */
public final class MetricCatalog {
    /** Rules a new pod-to-ClusterIP connection traverses: mean, with p50..worst as the band. */
    public static final Metric RULES_PER_CONNECTION = new Metric("rulesPerConnection",
            "metric.rulesPerConnection.label", "metric.unit.rules",
            m -> stats(m.structure().clusterIp()), true, true, true);
    /** The worst case of the above (the last Service in the chain). */
    public static final Metric RULES_PER_CONNECTION_WORST = new Metric("rulesPerConnectionWorst",
            "metric.rulesPerConnectionWorst.label", "metric.unit.rules",
            m -> Band.exact(m.structure().clusterIp().worst()), true, true, true);
    /** Rules a new connection arriving on a NodePort traverses. */
    public static final Metric NODEPORT_RULES_PER_CONNECTION = new Metric("nodePortRulesPerConnection",
            "metric.nodePortRulesPerConnection.label", "metric.unit.rules",
            m -> stats(m.structure().nodePort()), true, true, false);
    /** Hash, set or map lookups per new connection. */
    public static final Metric LOOKUPS_PER_CONNECTION = new Metric("lookupsPerConnection",
            "metric.lookupsPerConnection.label", "metric.unit.lookups",
            m -> Band.exact(m.structure().lookupsPerConnection()), false, false, false);
    /** Rules (or eBPF map entries) the mode owns. */
    public static final Metric RULES_TOTAL = new Metric("rulesTotal", "metric.rulesTotal.label",
            "metric.unit.objects", m -> Band.exact(m.structure().rulesTotal()), true, true, true);
    /** Objects written by a full sync. */
    public static final Metric SYNC_OBJECTS_FULL = new Metric("syncObjectsFull", "metric.syncObjectsFull.label",
            "metric.unit.objects", m -> Band.exact(m.structure().syncObjectsFull()), true, true, true);
    /** Objects written when one Service changes. */
    public static final Metric SYNC_OBJECTS_PARTIAL = new Metric("syncObjectsPartial",
            "metric.syncObjectsPartial.label", "metric.unit.objects",
            m -> Band.exact(m.structure().syncObjectsPartial()), true, true, false);
    /** Objects written by the first sync on a new node. */
    public static final Metric SYNC_OBJECTS_COLD_START = new Metric("syncObjectsColdStart",
            "metric.syncObjectsColdStart.label", "metric.unit.objects",
            m -> Band.exact(m.structure().syncObjectsColdStart()), true, true, false);

    /** Calibrated duration of a full sync, with its 90% band. */
    public static final Metric SYNC_FULL_SECONDS = new Metric("syncFullSeconds", "metric.syncFullSeconds.label",
            "metric.unit.seconds", m -> band(m.costs().syncFullSeconds()), true, true, true);
    /** Calibrated duration of a sync after one Service changed. */
    public static final Metric SYNC_PARTIAL_SECONDS = new Metric("syncPartialSeconds",
            "metric.syncPartialSeconds.label", "metric.unit.seconds",
            m -> band(m.costs().syncPartialSeconds()), true, true, true);
    /** Calibrated duration of the first sync on a new node. */
    public static final Metric SYNC_COLD_START_SECONDS = new Metric("syncColdStartSeconds",
            "metric.syncColdStartSeconds.label", "metric.unit.seconds",
            m -> band(m.costs().syncColdStartSeconds()), true, true, true);
    /** CPU per node spent on proxying: data plane plus control plane. */
    public static final Metric CPU_CORES = new Metric("cpuCores", "metric.cpuCores.label", "metric.unit.cores",
            m -> band(m.costs().cpuCores()), true, true, true);
    /** Of the CPU: new connections evaluating rules. */
    public static final Metric CPU_DATA_PLANE_CORES = new Metric("cpuDataPlaneCores",
            "metric.cpuDataPlaneCores.label", "metric.unit.cores",
            m -> Band.exact(m.costs().cpuDataPlaneCores()), true, true, false);
    /** Of the CPU: kube-proxy's syncs. */
    public static final Metric CPU_CONTROL_PLANE_CORES = new Metric("cpuControlPlaneCores",
            "metric.cpuControlPlaneCores.label", "metric.unit.cores",
            m -> Band.exact(m.costs().cpuControlPlaneCores()), true, true, false);
    /** Latency added to the first packet of a new connection. */
    public static final Metric ADDED_LATENCY_MS = new Metric("addedLatencyMs", "metric.addedLatencyMs.label",
            "metric.unit.milliseconds", m -> band(m.costs().addedLatencyMs()), true, true, true);
    /** Share of the conntrack table Service connections fill. */
    public static final Metric CONNTRACK_UTILIZATION = new Metric("conntrackUtilization",
            "metric.conntrackUtilization.label", "metric.unit.percent", m -> conntrack(m.costs().conntrack()),
            false, true, true);

    private static final List<Metric> ALL = List.of(RULES_PER_CONNECTION, RULES_PER_CONNECTION_WORST,
            SYNC_FULL_SECONDS, SYNC_PARTIAL_SECONDS, SYNC_COLD_START_SECONDS, CPU_CORES, CPU_DATA_PLANE_CORES,
            CPU_CONTROL_PLANE_CORES, ADDED_LATENCY_MS, CONNTRACK_UTILIZATION, NODEPORT_RULES_PER_CONNECTION,
            LOOKUPS_PER_CONNECTION, RULES_TOTAL, SYNC_OBJECTS_FULL, SYNC_OBJECTS_PARTIAL, SYNC_OBJECTS_COLD_START);

    /** The four charts shown at first launch. */
    private static final List<Metric> DEFAULT_CHARTS = List.of(RULES_PER_CONNECTION, SYNC_FULL_SECONDS, CPU_CORES,
            ADDED_LATENCY_MS);

    /** Budgets set at first launch: sync under 1 s, CPU under a quarter core, under 1 ms added latency. */
    private static final Map<String, Double> DEFAULT_BUDGETS = Map.of(SYNC_FULL_SECONDS.key(), 1.0,
            CPU_CORES.key(), 0.25, ADDED_LATENCY_MS.key(), 1.0);

    private MetricCatalog() {
    }

    /** @return every metric in display order */
    public static List<Metric> all() {
        return ALL;
    }

    /** @return the metrics that can be charted */
    public static List<Metric> chartable() {
        return ALL.stream().filter(Metric::chartable).toList();
    }

    /** @return the metrics a budget applies to */
    public static List<Metric> budgetable() {
        return ALL.stream().filter(Metric::budgetable).toList();
    }

    /** @return the charts shown by default, in grid order */
    public static List<Metric> defaultCharts() {
        return DEFAULT_CHARTS;
    }

    /** @return the budget a metric starts with, if any */
    public static Optional<Double> defaultBudget(String key) {
        return Optional.ofNullable(DEFAULT_BUDGETS.get(key));
    }

    /** @return the metric with this key */
    public static Optional<Metric> byKey(String key) {
        return ALL.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    private static Band band(Estimate e) {
        return new Band(e.value(), e.low(), e.high());
    }

    private static Band conntrack(ConntrackEstimate c) {
        if (c.max() <= 0) {
            return Band.exact(0);
        }
        double v = 100.0 * c.entries() / c.max();
        double lo = Math.min(v, 100.0 * c.entriesLow() / c.max());
        double hi = Math.max(v, 100.0 * c.entriesHigh() / c.max());
        return new Band(v, lo, hi);
    }

    private static Band stats(RuleCountStats s) {
        return new Band(s.mean(), Math.min(s.p50(), s.mean()), Math.max(s.worst(), s.mean()));
    }
}
