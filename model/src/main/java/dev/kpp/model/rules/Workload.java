package dev.kpp.model.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proxied Service ports of a cluster, grouped by shape, as seen from one node. This compact
 * form is what every structural model consumes: a 50,000-service inventory with a handful of
 * distinct shapes costs a handful of operations, which keeps sweeps and sliders instant.
 *
 * @param groups             Service ports grouped by shape
 * @param skippedHeadless    headless Services (no proxy rules)
 * @param skippedExternalName ExternalName Services (no proxy rules)
 * @param skippedOtherProxy  Services labelled for another proxy (service-proxy-name)
 * @param nodeName           the node whose local endpoints were counted ("" for a synthetic node)
 */
public record Workload(List<ShapeGroup> groups, long skippedHeadless, long skippedExternalName,
                       long skippedOtherProxy, String nodeName) {
    public Workload {
        groups = List.copyOf(groups == null ? List.of() : groups);
        nodeName = nodeName == null ? "" : nodeName;
    }

    /** Builds a workload from shapes, merging equal ones. */
    public static Workload of(Map<ServicePortShape, Long> shapes, long headless, long externalName, long otherProxy,
                              String nodeName) {
        List<ShapeGroup> list = new ArrayList<>();
        shapes.forEach((shape, count) -> {
            if (count > 0) {
                list.add(new ShapeGroup(shape, count));
            }
        });
        return new Workload(list, headless, externalName, otherProxy, nodeName);
    }

    /** @return the number of proxied Service ports */
    public long servicePorts() {
        long n = 0;
        for (ShapeGroup g : groups) {
            n += g.count();
        }
        return n;
    }

    /** @return endpoints summed over Service ports (each port counts its own endpoints) */
    public long endpointPorts() {
        long n = 0;
        for (ShapeGroup g : groups) {
            n += g.count() * g.shape().endpoints();
        }
        return n;
    }

    /** @return mean endpoints per proxied Service port, 0 without ports */
    public double meanEndpointsPerPort() {
        long ports = servicePorts();
        return ports == 0 ? 0 : endpointPorts() / (double) ports;
    }

    /**
     * Scales the workload for what-if planning: every group's count is multiplied by
     * {@code servicesFactor} (rounded, groups never vanish while the factor is positive) and
     * every port's endpoints by {@code endpointsFactor} (rounded, at least 1 if it had any).
     */
    public Workload scaled(double servicesFactor, double endpointsFactor) {
        if (!(servicesFactor >= 0) || !(endpointsFactor >= 0)) {
            throw new IllegalArgumentException("scale factors must be >= 0");
        }
        Map<ServicePortShape, Long> out = new LinkedHashMap<>();
        for (ShapeGroup g : groups) {
            long count = Math.round(g.count() * servicesFactor);
            if (count == 0 && servicesFactor > 0) {
                count = 1;
            }
            ServicePortShape s = g.shape();
            int eps = scaleEndpoints(s.endpoints(), endpointsFactor);
            int local = scaleEndpoints(s.localEndpoints(), endpointsFactor);
            out.merge(s.withEndpoints(eps, Math.min(local, eps)), count, Long::sum);
        }
        return of(out, Math.round(skippedHeadless * servicesFactor), Math.round(skippedExternalName * servicesFactor),
                Math.round(skippedOtherProxy * servicesFactor), nodeName);
    }

    private static int scaleEndpoints(int endpoints, double factor) {
        if (endpoints == 0) {
            return 0;
        }
        long v = Math.round(endpoints * factor);
        return (int) Math.max(factor > 0 ? 1 : 0, Math.min(Integer.MAX_VALUE, v));
    }
}
