package dev.kpp.model.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The headline numbers of an inventory, as {@code kpp inventory} shows them.
 *
 * @param servicesByType       Services by {@code spec.type} API name
 * @param headless             headless Services
 * @param proxied              Services kube-proxy programs (not headless, not ExternalName, no other proxy)
 * @param servicePorts         ports of proxied Services
 * @param nodePorts            allocated NodePorts
 * @param loadBalancerIPs      load-balancer ingress IPs
 * @param endpointSlices       EndpointSlices (legacy Endpoints included after conversion)
 * @param endpoints            distinct ready endpoint addresses summed over Services
 * @param endpointsPerService  distribution of ready endpoints per proxied Service
 * @param nodes                nodes
 * @param totalCores           cores summed over nodes
 * @param kernels              nodes by kernel version
 * @param kubeletVersions      nodes by kubelet version
 * @param kubernetesVersion    the inventory's Kubernetes version ("" when unknown)
 * @param mode                 configured kube-proxy mode ("" when unset)
 * @param namespaces           namespaces
 * @param networkPolicies      NetworkPolicies
 */
public record InventorySummary(Map<String, Long> servicesByType, long headless, long proxied, long servicePorts,
                               long nodePorts, long loadBalancerIPs, long endpointSlices, long endpoints,
                               Distribution endpointsPerService, long nodes, double totalCores,
                               Map<String, Long> kernels, Map<String, Long> kubeletVersions,
                               String kubernetesVersion, String mode, long namespaces, long networkPolicies) {

    /**
     * A distribution of counts.
     *
     * @param count values
     * @param min   smallest
     * @param p50   median
     * @param p90   90th percentile
     * @param p99   99th percentile
     * @param max   largest
     * @param mean  mean
     */
    public record Distribution(long count, long min, long p50, long p90, long p99, long max, double mean) {
        /** @return the distribution of the values (nearest-rank percentiles) */
        public static Distribution of(long[] values) {
            if (values.length == 0) {
                return new Distribution(0, 0, 0, 0, 0, 0, 0);
            }
            long[] v = values.clone();
            Arrays.sort(v);
            double sum = 0;
            for (long x : v) {
                sum += x;
            }
            return new Distribution(v.length, v[0], rank(v, 0.5), rank(v, 0.9), rank(v, 0.99), v[v.length - 1],
                    sum / v.length);
        }

        private static long rank(long[] sorted, double q) {
            int idx = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
        }
    }

    /** @return the summary of an inventory */
    public static InventorySummary of(ClusterInventory inv) {
        Map<String, Long> byType = new TreeMap<>();
        long headless = 0, proxied = 0, ports = 0, nodePorts = 0, lbIps = 0;
        Map<String, Integer> eps = readyEndpointsByService(inv);
        List<Long> perService = new ArrayList<>();
        long endpoints = 0;
        for (ServiceInfo s : inv.services()) {
            byType.merge(s.type().apiName(), 1L, Long::sum);
            if (s.headless()) {
                headless++;
            }
            for (ServicePortInfo p : s.ports()) {
                if (p.nodePort() > 0 && s.type().hasNodePorts()) {
                    nodePorts++;
                }
            }
            lbIps += s.loadBalancerIngressIPs().size();
            if (s.proxied()) {
                proxied++;
                ports += s.ports().size();
                int e = eps.getOrDefault(s.key(), 0);
                perService.add((long) e);
                endpoints += e;
            }
        }
        Map<String, Long> kernels = new TreeMap<>();
        Map<String, Long> kubelets = new TreeMap<>();
        double cores = 0;
        for (NodeInfo n : inv.nodes()) {
            kernels.merge(n.kernelVersion().isEmpty() ? "unknown" : n.kernelVersion(), 1L, Long::sum);
            kubelets.merge(n.kubeletVersion().isEmpty() ? "unknown" : n.kubeletVersion(), 1L, Long::sum);
            cores += n.cores();
        }
        long[] arr = perService.stream().mapToLong(Long::longValue).toArray();
        return new InventorySummary(byType, headless, proxied, ports, nodePorts, lbIps, inv.endpointSlices().size(),
                endpoints, Distribution.of(arr), inv.nodes().size(), cores, kernels, kubelets,
                inv.kubernetesVersion(), inv.kubeProxy().mode().map(ProxyMode::id).orElse(""), inv.namespaces(),
                inv.networkPolicies());
    }

    /**
     * Distinct ready endpoint addresses per Service key (namespace/name), over all its slices and
     * address families. Endpoints without addresses are ignored.
     */
    public static Map<String, Integer> readyEndpointsByService(ClusterInventory inv) {
        Map<String, Set<String>> sets = new HashMap<>();
        for (EndpointSliceInfo sl : inv.endpointSlices()) {
            Set<String> set = null;
            for (EndpointInfo e : sl.endpoints()) {
                if (e.ready() && !e.addresses().isEmpty()) {
                    if (set == null) {
                        set = sets.computeIfAbsent(sl.serviceKey(), k -> new HashSet<>());
                    }
                    set.add(e.addresses().get(0));
                }
            }
        }
        Map<String, Integer> out = new HashMap<>();
        sets.forEach((k, v) -> out.put(k, v.size()));
        return out;
    }
}
