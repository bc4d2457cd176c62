package dev.kpp.app.ui.results;

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

    private static final List<Metric> ALL = List.of(RULES_PER_CONNECTION, RULES_PER_CONNECTION_WORST,
            NODEPORT_RULES_PER_CONNECTION, LOOKUPS_PER_CONNECTION, RULES_TOTAL, SYNC_OBJECTS_FULL,
            SYNC_OBJECTS_PARTIAL, SYNC_OBJECTS_COLD_START);

    /** The four charts shown at first launch. */
    private static final List<Metric> DEFAULT_CHARTS = List.of(RULES_PER_CONNECTION, SYNC_OBJECTS_FULL,
            SYNC_OBJECTS_PARTIAL, RULES_TOTAL);

    /** Budgets set at first launch: a long iptables chain and a ruleset iptables-restore struggles with. */
    private static final Map<String, Double> DEFAULT_BUDGETS = Map.of(RULES_PER_CONNECTION.key(), 1_000.0,
            RULES_TOTAL.key(), 100_000.0);

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

    private static Band stats(RuleCountStats s) {
        return new Band(s.mean(), Math.min(s.p50(), s.mean()), Math.max(s.worst(), s.mean()));
    }
}
