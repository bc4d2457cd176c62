package dev.kpp.model.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The metrics in display order and the defaults a first launch starts with. */
public final class MetricCatalog {
    /** The four charts shown at first launch. */
    private static final List<Metric> DEFAULT_CHARTS = List.of(Metric.RULES_PER_CONNECTION, Metric.SYNC_FULL_SECONDS,
            Metric.CPU_CORES, Metric.ADDED_LATENCY_MS);

    /** The figures a compact view (a narrow window, a report summary) shows first. */
    private static final List<Metric> HEADLINE = List.of(Metric.RULES_PER_CONNECTION, Metric.SYNC_FULL_SECONDS,
            Metric.SYNC_PARTIAL_SECONDS, Metric.CPU_CORES, Metric.ADDED_LATENCY_MS, Metric.CONNTRACK_UTILIZATION);

    /**
     * Budgets set at first launch: the sync that runs on every change under 1 s (the seed articles'
     * signal to move: "a sync that keeps exceeding 1 s"; with partial syncs that is the partial one, as
     * {@code sync_proxy_rules_duration_seconds} shows), CPU under a quarter core per node and under 1 ms
     * added latency.
     */
    private static final Map<Metric, Double> DEFAULT_BUDGETS = Map.of(Metric.SYNC_PARTIAL_SECONDS, 1.0,
            Metric.CPU_CORES, 0.25, Metric.ADDED_LATENCY_MS, 1.0);

    private MetricCatalog() {
    }

    /** @return every metric in display order */
    public static List<Metric> all() {
        return Arrays.asList(Metric.values());
    }

    /** @return the metrics that can be charted */
    public static List<Metric> chartable() {
        return all().stream().filter(Metric::chartable).toList();
    }

    /** @return the metrics a budget applies to */
    public static List<Metric> budgetable() {
        return all().stream().filter(Metric::budgetable).toList();
    }

    /** @return the charts shown by default, in grid order */
    public static List<Metric> defaultCharts() {
        return DEFAULT_CHARTS;
    }

    /** @return the headline metrics, in order */
    public static List<Metric> headline() {
        return HEADLINE;
    }

    /** @return the budgets a first launch starts with */
    public static Budgets defaultBudgets() {
        return new Budgets(DEFAULT_BUDGETS);
    }
}
