package dev.kpp.model.inventory;

/** {@code externalTrafficPolicy} / {@code internalTrafficPolicy} of a Service. */
public enum TrafficPolicy {
    CLUSTER, LOCAL;

    /** Parses the API spelling; {@code null} means Cluster (the API default). */
    public static TrafficPolicy fromApi(String value) {
        if (value == null || value.isEmpty() || value.equals("Cluster")) {
            return CLUSTER;
        }
        if (value.equals("Local")) {
            return LOCAL;
        }
        throw new IllegalArgumentException("unknown traffic policy '" + value + "' (expected Cluster or Local)");
    }
}
