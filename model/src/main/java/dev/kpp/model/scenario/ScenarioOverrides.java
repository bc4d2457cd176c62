package dev.kpp.model.scenario;

import dev.kpp.model.units.InvalidValueException;
import dev.kpp.model.units.KernelVersion;
import dev.kpp.model.units.KubeVersion;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The inputs a user set explicitly (CLI flags, the window's fields), applied on top of a base
 * scenario (a sample, kpp's defaults or what an inventory determines). Immutable. Applying validates
 * the whole result at once, so the order in which inputs were given never matters.
 */
public final class ScenarioOverrides {
    private static final ScenarioOverrides NONE = new ScenarioOverrides(new EnumMap<>(ScenarioField.class));
    private final EnumMap<ScenarioField, Object> values;

    private ScenarioOverrides(EnumMap<ScenarioField, Object> values) {
        this.values = values;
    }

    /** @return no overrides */
    public static ScenarioOverrides none() {
        return NONE;
    }

    /** @return a copy with a numeric input set (validated against the field's range) */
    public ScenarioOverrides with(ScenarioField field, double value) {
        if (field.kind() == ScenarioField.Kind.VERSION) {
            throw new IllegalArgumentException(field.id() + " takes a version");
        }
        field.check(value);
        return put(field, value);
    }

    /** @return a copy with the kernel set */
    public ScenarioOverrides withKernel(KernelVersion kernel) {
        return put(ScenarioField.KERNEL, kernel);
    }

    /** @return a copy with the Kubernetes version set */
    public ScenarioOverrides withKubernetesVersion(KubeVersion version) {
        return put(ScenarioField.KUBERNETES_VERSION, version);
    }

    /** @return a copy without this input */
    public ScenarioOverrides without(ScenarioField field) {
        EnumMap<ScenarioField, Object> copy = new EnumMap<>(values);
        copy.remove(field);
        return new ScenarioOverrides(copy);
    }

    private ScenarioOverrides put(ScenarioField field, Object value) {
        EnumMap<ScenarioField, Object> copy = new EnumMap<>(values);
        copy.put(field, value);
        return new ScenarioOverrides(copy);
    }

    /** @return true when the input was set */
    public boolean has(ScenarioField field) {
        return values.containsKey(field);
    }

    /** @return the inputs set */
    public Set<ScenarioField> fields() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** @return the inputs and their values (numbers as Double, versions as their types) */
    public Map<ScenarioField, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    /** @return the numeric value of an input that was set */
    public double number(ScenarioField field) {
        return (Double) values.get(field);
    }

    /** @return true when nothing was set */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * Applies the overrides. When only the sync period is set, the base's minSyncPeriod is kept but
     * never above the new period.
     *
     * @param base the scenario to start from
     * @return the validated scenario
     * @throws InvalidValueException naming the input that makes the result invalid
     */
    public ScenarioParams applyTo(ScenarioParams base) {
        if (values.isEmpty()) {
            return base;
        }
        ScenarioParams.Builder b = base.toBuilder();
        for (Map.Entry<ScenarioField, Object> e : values.entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case SERVICES -> b.services = Math.round((Double) v);
                case PORTS_PER_SERVICE -> b.portsPerService = (int) Math.round((Double) v);
                case ENDPOINTS_PER_SERVICE -> b.endpointsPerService = (int) Math.round((Double) v);
                case NODE_PORT_SHARE -> b.nodePortShare = (Double) v;
                case LOAD_BALANCER_SHARE -> b.loadBalancerShare = (Double) v;
                case EXTERNAL_LOCAL_SHARE -> b.externalLocalShare = (Double) v;
                case AFFINITY_SHARE -> b.affinityShare = (Double) v;
                case NODES -> b.nodes = (int) Math.round((Double) v);
                case CORES_PER_NODE -> b.coresPerNode = (Double) v;
                case REQUESTS_PER_SECOND -> b.requestsPerSecond = (Double) v;
                case REQUESTS_PER_CONNECTION -> b.requestsPerConnection = (Double) v;
                case ENDPOINT_CHANGES_PER_SECOND -> b.endpointChangesPerSecond = (Double) v;
                case KERNEL -> b.kernel = (KernelVersion) v;
                case KUBERNETES_VERSION -> b.kubernetesVersion = (KubeVersion) v;
                case SYNC_PERIOD -> b.syncPeriodSeconds = (Double) v;
                case MIN_SYNC_PERIOD -> b.minSyncPeriodSeconds = (Double) v;
                case PODS_PER_NODE -> b.podsPerNode = (int) Math.round((Double) v);
                case POLICIES_PER_POD -> b.policiesPerPod = (Double) v;
                default -> throw new IllegalStateException("unhandled field " + e.getKey());
            }
        }
        if (has(ScenarioField.SYNC_PERIOD) && !has(ScenarioField.MIN_SYNC_PERIOD)) {
            b.minSyncPeriodSeconds = Math.min(b.minSyncPeriodSeconds, b.syncPeriodSeconds);
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScenarioOverrides other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "ScenarioOverrides" + values;
    }
}
