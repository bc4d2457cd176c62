package dev.kpp.model.plan;

import dev.kpp.model.cost.ConntrackEstimate;
import dev.kpp.model.cost.Estimate;
import dev.kpp.model.rules.RuleCountStats;
import dev.kpp.model.units.Unit;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One figure compared across modes: a table column, a chart, a budget, a crossover, a report row.
 * The window, the CLI and the reports all read figures through these, so they show the same numbers.
 * Structural figures are {@link Estimate.Confidence#EXACT}; where they carry a band it is the spread of
 * the distribution (e.g. rules per connection: p50 to worst), not an uncertainty.
 */
public enum Metric {
    /** Rules a new pod-to-ClusterIP connection traverses: mean, with p50..worst as the band. */
    RULES_PER_CONNECTION("rulesPerConnection", Unit.RULES, m -> stats(m.structure().clusterIp()), true, true, true,
            true),
    /** The worst case of the above (the last Service in the chain). */
    RULES_PER_CONNECTION_WORST("rulesPerConnectionWorst", Unit.RULES,
            m -> Estimate.exact(m.structure().clusterIp().worst()), true, true, true, true),
    /** Calibrated duration of a full sync. */
    SYNC_FULL_SECONDS("syncFullSeconds", Unit.SECONDS, m -> m.costs().syncFullSeconds(), true, true, true, true),
    /** Calibrated duration of a sync after one Service changed. */
    SYNC_PARTIAL_SECONDS("syncPartialSeconds", Unit.SECONDS, m -> m.costs().syncPartialSeconds(), true, true, true,
            true),
    /** Calibrated duration of the first sync on a new node. */
    SYNC_COLD_START_SECONDS("syncColdStartSeconds", Unit.SECONDS, m -> m.costs().syncColdStartSeconds(), true, true,
            true, true),
    /** CPU per node spent on proxying: data plane plus control plane. */
    CPU_CORES("cpuCores", Unit.CORES, m -> m.costs().cpuCores(), true, true, true, true),
    /** Of the CPU: new connections evaluating rules. */
    CPU_DATA_PLANE_CORES("cpuDataPlaneCores", Unit.CORES, m -> Estimate.withFactor(m.costs().cpuDataPlaneCores(), 1)
            .rated(m.costs().cpuCores().confidence(), m.costs().cpuCores().reason(), m.costs().cpuCores().basis()),
            true, true, false, true),
    /** Of the CPU: kube-proxy's syncs. */
    CPU_CONTROL_PLANE_CORES("cpuControlPlaneCores", Unit.CORES, m -> Estimate.withFactor(
            m.costs().cpuControlPlaneCores(), 1).rated(m.costs().cpuCores().confidence(), m.costs().cpuCores().reason(),
            m.costs().cpuCores().basis()), true, true, false, true),
    /** Latency added to the first packet of a new connection. */
    ADDED_LATENCY_MS("addedLatencyMs", Unit.MILLISECONDS, m -> m.costs().addedLatencyMs(), true, true, true, true),
    /** Share of the conntrack table Service connections fill, in percent. */
    CONNTRACK_UTILIZATION("conntrackUtilization", Unit.PERCENT, m -> conntrack(m.costs().conntrack()), false, true,
            true, true),
    /** Rules a new connection arriving on a NodePort traverses (0 without NodePorts). */
    NODEPORT_RULES_PER_CONNECTION("nodePortRulesPerConnection", Unit.RULES, m -> stats(m.structure().nodePort()),
            true, true, false, true),
    /**
     * Hash, set or map lookups per new connection. Not ranked: iptables makes none because it walks
     * rules instead, so its 0 is not a better value.
     */
    LOOKUPS_PER_CONNECTION("lookupsPerConnection", Unit.LOOKUPS,
            m -> Estimate.exact(m.structure().lookupsPerConnection()), false, false, false, false),
    /** Rules (or eBPF map entries) the mode owns. */
    RULES_TOTAL("rulesTotal", Unit.OBJECTS, m -> Estimate.exact(m.structure().rulesTotal()), true, true, true, true),
    /** Objects written by a full sync. */
    SYNC_OBJECTS_FULL("syncObjectsFull", Unit.OBJECTS, m -> Estimate.exact(m.structure().syncObjectsFull()), true,
            true, true, true),
    /** Objects written when one Service changes. */
    SYNC_OBJECTS_PARTIAL("syncObjectsPartial", Unit.OBJECTS,
            m -> Estimate.exact(m.structure().syncObjectsPartial()), true, true, false, true),
    /** Objects written by the first sync on a new node. */
    SYNC_OBJECTS_COLD_START("syncObjectsColdStart", Unit.OBJECTS,
            m -> Estimate.exact(m.structure().syncObjectsColdStart()), true, true, false, true);

    private final String key;
    private final Unit unit;
    private final Function<ModePrediction, Estimate> value;
    private final boolean logY;
    private final boolean chartable;
    private final boolean budgetable;
    private final boolean ranked;

    Metric(String key, Unit unit, Function<ModePrediction, Estimate> value, boolean logY, boolean chartable,
           boolean budgetable, boolean ranked) {
        this.key = key;
        this.unit = unit;
        this.value = value;
        this.logY = logY;
        this.chartable = chartable;
        this.budgetable = budgetable;
        this.ranked = ranked;
    }

    /** @return the stable id (JSON, scenario files, CSV) */
    public String key() {
        return key;
    }

    /** @return the unit of {@link #of} */
    public Unit unit() {
        return unit;
    }

    /** @return the figure for one mode */
    public Estimate of(ModePrediction prediction) {
        return value.apply(prediction);
    }

    /** @return true when a chart of it reads best on a logarithmic y axis */
    public boolean logY() {
        return logY;
    }

    /** @return true when it makes sense to chart it against the number of Services */
    public boolean chartable() {
        return chartable;
    }

    /** @return true when a user budget (a limit) applies to it */
    public boolean budgetable() {
        return budgetable;
    }

    /** @return true when a lower value is better and comparable across modes (the table marks the best) */
    public boolean ranked() {
        return ranked;
    }

    /** @return the metric with this key */
    public static Optional<Metric> byKey(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return key.toLowerCase(Locale.ROOT);
    }

    private static Estimate conntrack(ConntrackEstimate c) {
        if (c.max() <= 0) {
            return Estimate.exact(0);
        }
        double v = 100.0 * c.entries() / c.max();
        double lo = Math.min(v, 100.0 * c.entriesLow() / c.max());
        double hi = Math.max(v, 100.0 * c.entriesHigh() / c.max());
        return new Estimate(v, lo, hi, Estimate.Confidence.LOW, "assumed-connection-lifetime", java.util.List.of());
    }

    private static Estimate stats(RuleCountStats s) {
        return new Estimate(s.mean(), Math.min(s.p50(), s.mean()), Math.max(s.worst(), s.mean()),
                Estimate.Confidence.EXACT, "", java.util.List.of());
    }
}
