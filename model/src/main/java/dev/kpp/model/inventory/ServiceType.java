package dev.kpp.model.inventory;

/** Kubernetes {@code spec.type} of a Service. */
public enum ServiceType {
    CLUSTER_IP("ClusterIP"),
    NODE_PORT("NodePort"),
    LOAD_BALANCER("LoadBalancer"),
    EXTERNAL_NAME("ExternalName");

    private final String apiName;

    ServiceType(String apiName) {
        this.apiName = apiName;
    }

    /** @return the name used by the Kubernetes API, e.g. {@code LoadBalancer} */
    public String apiName() {
        return apiName;
    }

    /**
     * Parses the API spelling; {@code null} or empty means ClusterIP (the API default).
     *
     * @throws IllegalArgumentException for an unknown type
     */
    public static ServiceType fromApi(String value) {
        if (value == null || value.isEmpty()) {
            return CLUSTER_IP;
        }
        for (ServiceType t : values()) {
            if (t.apiName.equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown Service type '" + value
                + "' (expected ClusterIP, NodePort, LoadBalancer or ExternalName)");
    }

    /** @return true when kube-proxy opens a NodePort for this type */
    public boolean hasNodePorts() {
        return this == NODE_PORT || this == LOAD_BALANCER;
    }
}
