package dev.kpp.importer.spi;

import java.util.Map;
import java.util.TreeMap;

/**
 * kube-proxy's {@code /metrics} as observed on one node: the measurements the planner compares its
 * predictions with ("back-testing"). Only {@code kubeproxy_*} series are kept; series keys are the
 * metric name with its labels in Prometheus notation, e.g.
 * {@code kubeproxy_sync_proxy_rules_iptables_total{table="nat"}}.
 *
 * @param source     file the metrics came from
 * @param histograms histogram series by key (name without {@code _bucket/_sum/_count})
 * @param values     counter and gauge series by key
 * @param otherSeries series of other subsystems that were skipped
 */
public record ObservedMetrics(String source, Map<String, HistogramSummary> histograms, Map<String, Double> values,
                              long otherSeries) {
    /** All modes: time of a sync (histogram, seconds). */
    public static final String SYNC_DURATION = "kubeproxy_sync_proxy_rules_duration_seconds";
    /** iptables mode: full syncs (histogram). */
    public static final String SYNC_FULL_DURATION = "kubeproxy_sync_full_proxy_rules_duration_seconds";
    /** iptables mode: partial syncs (histogram). */
    public static final String SYNC_PARTIAL_DURATION = "kubeproxy_sync_partial_proxy_rules_duration_seconds";
    /** Change-to-programmed latency (histogram). */
    public static final String NETWORK_PROGRAMMING_DURATION = "kubeproxy_network_programming_duration_seconds";
    /** iptables mode: rules owned, by table (gauge). */
    public static final String IPTABLES_TOTAL = "kubeproxy_sync_proxy_rules_iptables_total";
    /** iptables mode: rules written in the last sync, by table (gauge). */
    public static final String IPTABLES_LAST = "kubeproxy_sync_proxy_rules_iptables_last";
    /** Endpoint changes seen (counter). */
    public static final String ENDPOINT_CHANGES_TOTAL = "kubeproxy_sync_proxy_rules_endpoint_changes_total";
    /** Service changes seen (counter). */
    public static final String SERVICE_CHANGES_TOTAL = "kubeproxy_sync_proxy_rules_service_changes_total";

    public ObservedMetrics {
        source = source == null ? "" : source;
        histograms = java.util.Collections.unmodifiableMap(new TreeMap<>(histograms == null ? Map.of() : histograms));
        values = java.util.Collections.unmodifiableMap(new TreeMap<>(values == null ? Map.of() : values));
    }

    /** @return the histogram with this exact key (name, or name with labels), or null */
    public HistogramSummary histogram(String key) {
        return histograms.get(key);
    }

    /** @return the value of a series, or NaN when absent */
    public double value(String key) {
        Double v = values.get(key);
        return v == null ? Double.NaN : v;
    }

    /** @return the sum over every series of a metric name (all label sets), or NaN when none */
    public double sum(String name) {
        double s = 0;
        boolean any = false;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            String k = e.getKey();
            if (k.equals(name) || (k.startsWith(name) && k.charAt(name.length()) == '{')) {
                s += e.getValue();
                any = true;
            }
        }
        return any ? s : Double.NaN;
    }
}
