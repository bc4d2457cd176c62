package dev.kpp.model.rules;

import dev.kpp.model.inventory.ProxyMode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * eBPF kube-proxy replacement (Cilium): every frontend (ClusterIP, external IP, load-balancer IP,
 * NodePort per node address plus the wildcard NodePort frontend) takes one master slot plus one
 * slot per backend in the service map {@code cilium_lb4_services_v2}, whose size defaults to
 * 65,536 ({@code --bpf-lb-map-max}; Cilium "eBPF Maps"). A new connection costs about three hash
 * lookups (service master, backend slot, backend), independent of the number of Services.
 */
public final class EbpfStructure {
    /** Hash lookups per new connection: service frontend, backend slot, backend entry. */
    static final long LOOKUPS_PER_CONNECTION = 3;

    private EbpfStructure() {
    }

    /**
     * Computes LB-map usage for a workload.
     *
     * @param workload the Service ports
     * @param options  settings (map size, node addresses)
     * @return counts and per-connection figures
     */
    public static ModeStructure compute(Workload workload, StructureOptions options) {
        long frontends = 0, entries = 0, backends = 0;
        boolean anyNodePort = false;
        for (ShapeGroup g : workload.groups()) {
            ServicePortShape s = g.shape();
            long fe = 1 + s.externalIPs() + s.loadBalancerIPs() + (s.nodePort() ? options.nodeAddresses() + 1 : 0);
            frontends += g.count() * fe;
            entries += g.count() * fe * (1 + (long) s.endpoints());
            backends += g.count() * s.endpoints();
            anyNodePort |= s.nodePort();
        }
        long max = options.ebpfLbMapMax();
        Map<String, Long> breakdown = new LinkedHashMap<>();
        breakdown.put("map/lb4_services_v2 entries", entries);
        breakdown.put("map/lb4_services_v2 max", max);
        breakdown.put("map/lb4_backends_v3 entries", backends);
        breakdown.put("frontends", frontends);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("lbMapEntries", entries);
        counts.put("lbMapMax", max);
        counts.put("lbMapUtilizationPermille", Math.round(1000.0 * entries / max));
        counts.put("backendEntries", backends);
        counts.put("frontends", frontends);
        long partial = workload.servicePorts() == 0 ? 0 : Math.round(entries / (double) workload.servicePorts());
        return new ModeStructure(ProxyMode.EBPF, entries, counts, breakdown,
                RuleCountStats.constant(LOOKUPS_PER_CONNECTION),
                anyNodePort ? RuleCountStats.constant(LOOKUPS_PER_CONNECTION + 1) : RuleCountStats.NONE,
                LOOKUPS_PER_CONNECTION, entries + backends, partial, entries + backends,
                new PositionMixture().add(1, LOOKUPS_PER_CONNECTION - 1, 1, 0, 1));
    }
}
