package dev.kpp.model.rules;

import dev.kpp.model.inventory.AddressType;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.EndpointInfo;
import dev.kpp.model.inventory.EndpointPortInfo;
import dev.kpp.model.inventory.EndpointSliceInfo;
import dev.kpp.model.inventory.NodeInfo;
import dev.kpp.model.inventory.ServiceInfo;
import dev.kpp.model.inventory.ServicePortInfo;
import dev.kpp.model.inventory.TrafficPolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an inventory into a {@link Workload}: which Service ports kube-proxy programs and with how
 * many usable endpoints, following kube-proxy's endpoint selection (ready endpoints; when none is
 * ready, serving-and-terminating ones, as kube-proxy does since ProxyTerminatingEndpoints went GA
 * in 1.28).
 */
public final class WorkloadBuilder {
    private WorkloadBuilder() {
    }

    /**
     * Builds the workload seen from {@code nodeName} (local endpoints are those on that node).
     *
     * @param inventory the inventory
     * @param nodeName  a node name, or null for the first node by name (or none)
     * @return the grouped Service ports
     */
    public static Workload fromInventory(ClusterInventory inventory, String nodeName) {
        String node = nodeName != null ? nodeName : defaultNode(inventory.nodes());
        Map<String, List<EndpointSliceInfo>> slicesByService = new HashMap<>();
        for (EndpointSliceInfo slice : inventory.endpointSlices()) {
            slicesByService.computeIfAbsent(slice.serviceKey(), k -> new ArrayList<>()).add(slice);
        }
        Map<ServicePortShape, Long> shapes = new LinkedHashMap<>();
        long headless = 0, externalName = 0, otherProxy = 0;
        for (ServiceInfo svc : inventory.services()) {
            if (svc.isExternalName()) {
                externalName++;
                continue;
            }
            if (svc.headless()) {
                headless++;
                continue;
            }
            if (!svc.serviceProxyName().isEmpty()) {
                otherProxy++;
                continue;
            }
            AddressType family = svc.primaryClusterIP().contains(":") ? AddressType.IPV6 : AddressType.IPV4;
            List<EndpointSliceInfo> slices = slicesByService.getOrDefault(svc.key(), List.of());
            for (ServicePortInfo port : svc.ports()) {
                int[] counts = countEndpoints(slices, family, port, node);
                ServicePortShape shape = new ServicePortShape(svc.type(), port.protocol(),
                        svc.type().hasNodePorts() && port.nodePort() > 0, svc.externalIPs().size(),
                        svc.loadBalancerIngressIPs().size(), svc.loadBalancerSourceRanges().size(),
                        svc.externalTrafficPolicy(), svc.internalTrafficPolicy(),
                        svc.sessionAffinity() == dev.kpp.model.inventory.SessionAffinity.CLIENT_IP,
                        counts[0], counts[1],
                        svc.healthCheckNodePort() > 0 && svc.externalTrafficPolicy() == TrafficPolicy.LOCAL);
                shapes.merge(shape, 1L, Long::sum);
            }
        }
        return Workload.of(shapes, headless, externalName, otherProxy, node);
    }

    private static String defaultNode(List<NodeInfo> nodes) {
        String best = "";
        for (NodeInfo n : nodes) {
            if (best.isEmpty() || n.name().compareTo(best) < 0) {
                best = n.name();
            }
        }
        return best;
    }

    /** @return {usable endpoints, usable endpoints on node} for one Service port */
    static int[] countEndpoints(List<EndpointSliceInfo> slices, AddressType family, ServicePortInfo port, String node) {
        Set<String> ready = new HashSet<>();
        Set<String> readyLocal = new HashSet<>();
        Set<String> fallback = new HashSet<>();
        Set<String> fallbackLocal = new HashSet<>();
        for (EndpointSliceInfo slice : slices) {
            if (slice.addressType() != family || !matchesPort(slice.ports(), port)) {
                continue;
            }
            for (EndpointInfo ep : slice.endpoints()) {
                if (ep.addresses().isEmpty()) {
                    continue;
                }
                String addr = ep.addresses().get(0);
                boolean local = !node.isEmpty() && node.equals(ep.nodeName());
                if (ep.ready()) {
                    ready.add(addr);
                    if (local) {
                        readyLocal.add(addr);
                    }
                } else if (ep.serving() && ep.terminating()) {
                    fallback.add(addr);
                    if (local) {
                        fallbackLocal.add(addr);
                    }
                }
            }
        }
        if (ready.isEmpty()) {
            return new int[] {fallback.size(), fallbackLocal.size()};
        }
        return new int[] {ready.size(), readyLocal.size()};
    }

    private static boolean matchesPort(List<EndpointPortInfo> ports, ServicePortInfo port) {
        for (EndpointPortInfo p : ports) {
            if (p.name().equals(port.name()) && p.protocol() == port.protocol()) {
                return true;
            }
        }
        return false;
    }
}
