package dev.kpp.model.scenario;

import dev.kpp.model.units.InvalidValueException;

import java.util.Locale;

/**
 * Every what-if input with its id (the scenario's JSON key) and the range kpp plans for. The CLI
 * maps ids to flags, the window to field labels; both report a rejected value through the same
 * {@link InvalidValueException}.
 */
public enum ScenarioField {
    SERVICES("services", 0, ScenarioParams.MAX_SERVICES, Kind.COUNT),
    PORTS_PER_SERVICE("portsPerService", 1, 100, Kind.COUNT),
    ENDPOINTS_PER_SERVICE("endpointsPerService", 0, ScenarioParams.MAX_ENDPOINTS_PER_SERVICE, Kind.COUNT),
    NODE_PORT_SHARE("nodePortShare", 0, 1, Kind.SHARE),
    LOAD_BALANCER_SHARE("loadBalancerShare", 0, 1, Kind.SHARE),
    EXTERNAL_LOCAL_SHARE("externalLocalShare", 0, 1, Kind.SHARE),
    AFFINITY_SHARE("affinityShare", 0, 1, Kind.SHARE),
    NODES("nodes", 1, 100_000, Kind.COUNT),
    CORES_PER_NODE("coresPerNode", 1, 1024, Kind.NUMBER),
    REQUESTS_PER_SECOND("requestsPerSecond", 0, 1e8, Kind.NUMBER),
    REQUESTS_PER_CONNECTION("requestsPerConnection", 1, 1e7, Kind.NUMBER),
    ENDPOINT_CHANGES_PER_SECOND("endpointChangesPerSecond", 0, 1e5, Kind.NUMBER),
    KERNEL("kernel", Double.NaN, Double.NaN, Kind.VERSION),
    KUBERNETES_VERSION("kubernetesVersion", Double.NaN, Double.NaN, Kind.VERSION),
    /** The sync period must be above 0; {@link #min()} is the smallest accepted value, 0.001 s. */
    SYNC_PERIOD("syncPeriodSeconds", 0.001, 86_400, Kind.SECONDS),
    MIN_SYNC_PERIOD("minSyncPeriodSeconds", 0, 86_400, Kind.SECONDS),
    PODS_PER_NODE("podsPerNode", 0, 10_000, Kind.COUNT),
    POLICIES_PER_POD("policiesPerPod", 0, 1_000, Kind.NUMBER);

    /** What kind of value a field holds (how it is typed and shown). */
    public enum Kind {
        /** A whole number. */
        COUNT,
        /** A number with decimals. */
        NUMBER,
        /** A share 0..1 (typed as 5% or 0.05). */
        SHARE,
        /** A duration in seconds. */
        SECONDS,
        /** A version (kernel or Kubernetes). */
        VERSION
    }

    private final String id;
    private final double min;
    private final double max;
    private final Kind kind;

    ScenarioField(String id, double min, double max, Kind kind) {
        this.id = id;
        this.min = min;
        this.max = max;
        this.kind = kind;
    }

    /** @return the id (the scenario JSON key) */
    public String id() {
        return id;
    }

    /** @return the smallest accepted value (NaN for versions) */
    public double min() {
        return min;
    }

    /** @return the largest accepted value (NaN for versions) */
    public double max() {
        return max;
    }

    /** @return what kind of value this is */
    public Kind kind() {
        return kind;
    }

    /** @return the field with this id */
    public static ScenarioField fromId(String id) {
        for (ScenarioField f : values()) {
            if (f.id.equalsIgnoreCase(id)) {
                return f;
            }
        }
        throw InvalidValueException.of("field", InvalidValueException.Code.UNKNOWN_NAME, id);
    }

    /**
     * @param p a scenario
     * @return this input's value in it (the inverse of {@link ScenarioOverrides#applyTo}); NaN for the
     *         versions, which are read from {@link ScenarioParams#kernel()} and
     *         {@link ScenarioParams#kubernetesVersion()}
     */
    public double valueIn(ScenarioParams p) {
        return switch (this) {
            case SERVICES -> p.services();
            case PORTS_PER_SERVICE -> p.portsPerService();
            case ENDPOINTS_PER_SERVICE -> p.endpointsPerService();
            case NODE_PORT_SHARE -> p.nodePortShare();
            case LOAD_BALANCER_SHARE -> p.loadBalancerShare();
            case EXTERNAL_LOCAL_SHARE -> p.externalLocalShare();
            case AFFINITY_SHARE -> p.affinityShare();
            case NODES -> p.nodes();
            case CORES_PER_NODE -> p.coresPerNode();
            case REQUESTS_PER_SECOND -> p.requestsPerSecond();
            case REQUESTS_PER_CONNECTION -> p.requestsPerConnection();
            case ENDPOINT_CHANGES_PER_SECOND -> p.endpointChangesPerSecond();
            case SYNC_PERIOD -> p.syncPeriodSeconds();
            case MIN_SYNC_PERIOD -> p.minSyncPeriodSeconds();
            case PODS_PER_NODE -> p.podsPerNode();
            case POLICIES_PER_POD -> p.policiesPerPod();
            case KERNEL, KUBERNETES_VERSION -> Double.NaN;
        };
    }

    /**
     * @param v the value
     * @throws InvalidValueException when it is outside [min, max] or not a number
     */
    public void check(double v) {
        if (kind == Kind.VERSION) {
            return;
        }
        if (Double.isNaN(v) || v < min || v > max) {
            throw InvalidValueException.range(id, min, max, v);
        }
        if (kind == Kind.COUNT && v != Math.rint(v)) {
            throw InvalidValueException.of(id, InvalidValueException.Code.NOT_A_NUMBER,
                    InvalidValueException.plain(v));
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
