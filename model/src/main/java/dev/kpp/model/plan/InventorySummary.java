package dev.kpp.model.plan;

import dev.kpp.model.inventory.AddressType;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.EndpointInfo;
import dev.kpp.model.inventory.EndpointSliceInfo;
import dev.kpp.model.inventory.KubeProxyConfig;
import dev.kpp.model.inventory.NodeInfo;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.inventory.ServiceInfo;
import dev.kpp.model.inventory.ServicePortInfo;
import dev.kpp.model.inventory.ServiceType;
import dev.kpp.model.scenario.Sample;
import dev.kpp.model.scenario.ScenarioParams;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one summary of an inventory (or a sample): what the inventory pane, {@code kpp inventory} and
 * the reports show. Totals are given so users can compare them with {@code kubectl get ... | wc -l},
 * and every endpoint that is not counted as ready says why.
 *
 * @param name              inventory or sample name
 * @param fromSample        true for a built-in sample
 * @param kubernetesVersion version text, "" when unknown
 * @param services          Service objects, all kinds
 * @param servicesByType    Services by {@code spec.type}: ClusterIP, NodePort, LoadBalancer, ExternalName
 * @param headless          headless Services (ClusterIP: None)
 * @param proxied           Services kube-proxy programs (not headless, not ExternalName, no other proxy)
 * @param servicePorts      ports of proxied Services
 * @param nodePorts         allocated NodePorts
 * @param loadBalancerIPs   load-balancer ingress IPs
 * @param endpointSlices    EndpointSlices (legacy Endpoints included after conversion)
 * @param endpoints         endpoint accounting: ready and what was left out
 * @param perService        ready endpoints per proxied Service
 * @param buckets           proxied Services per ready-endpoint-count bucket
 * @param nodes             nodes
 * @param totalCores        cores summed over nodes
 * @param medianCores       median cores per node (0 when unknown)
 * @param kernels           nodes by kernel version, most common first ("unknown" for nodes without one)
 * @param kubeletVersions   nodes by kubelet version, most common first
 * @param kubeProxy         kube-proxy configuration (null for a sample)
 * @param namespaces        namespaces
 * @param networkPolicies   NetworkPolicies
 * @param notes             facts worth a caveat
 */
public record InventorySummary(String name, boolean fromSample, String kubernetesVersion, long services,
                               Map<String, Long> servicesByType, long headless, long proxied, long servicePorts,
                               long nodePorts, long loadBalancerIPs, long endpointSlices, Endpoints endpoints,
                               Distribution perService, List<Bucket> buckets, long nodes, double totalCores,
                               double medianCores, Map<String, Long> kernels, Map<String, Long> kubeletVersions,
                               KubeProxyConfig kubeProxy, long namespaces, long networkPolicies, List<Note> notes) {
    /** Facts about an inventory worth a caveat. */
    public enum Note {
        /** No nodes in the inventory: node count, cores and kernel are defaults. */
        NO_NODES,
        /** kube-proxy's mode is not set, so it is implicitly iptables (a finding in itself). */
        IMPLICIT_MODE,
        /** Nodes run different kernels; the most common one is used. */
        MIXED_KERNELS,
        /** Some proxied Services have no ready endpoint. */
        SERVICES_WITHOUT_ENDPOINTS,
        /** Some EndpointSlices belong to no Service in the inventory. */
        ORPHAN_ENDPOINT_SLICES
    }

    /**
     * Endpoint entries in the inventory's slices, and how they were counted. {@code listed} equals the
     * sum of all the other fields.
     *
     * @param listed      endpoint entries with an address, over all slices
     * @param ready       distinct ready addresses per proxied Service (what kube-proxy programs)
     * @param notReady    entries neither ready nor terminating
     * @param terminating terminating entries (used by kube-proxy only when a Service has no ready one)
     * @param otherFamily entries of another address family than the Service's (IPv6 of an IPv4 Service, FQDN)
     * @param notProxied  entries of headless, ExternalName or otherwise unproxied Services
     * @param orphaned    entries of slices whose Service is not in the inventory
     * @param duplicate   repeats of an address already counted for the same Service
     */
    public record Endpoints(long listed, long ready, long notReady, long terminating, long otherFamily,
                            long notProxied, long orphaned, long duplicate) {
    }

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

    /**
     * Proxied Services in one ready-endpoint-count bucket.
     *
     * @param min   smallest count in the bucket
     * @param max   largest count in the bucket ({@link Long#MAX_VALUE} for the last)
     * @param count Services
     */
    public record Bucket(long min, long max, long count) {
    }

    /** Upper bounds of the endpoint-count buckets. */
    private static final long[] BUCKET_MAX = {0, 1, 3, 10, 50, 250, Long.MAX_VALUE};

    public InventorySummary {
        servicesByType = Collections.unmodifiableMap(new LinkedHashMap<>(servicesByType));
        buckets = List.copyOf(buckets);
        kernels = Collections.unmodifiableMap(new LinkedHashMap<>(kernels));
        kubeletVersions = Collections.unmodifiableMap(new LinkedHashMap<>(kubeletVersions));
        notes = List.copyOf(notes);
    }

    /** @return the configured kube-proxy mode, empty when unset (or for a sample) */
    public Optional<ProxyMode> configuredMode() {
        return kubeProxy == null ? Optional.empty() : kubeProxy.mode();
    }

    /** @return the mode kube-proxy runs (iptables when unset), empty for a sample */
    public Optional<ProxyMode> effectiveMode() {
        return kubeProxy == null ? Optional.empty() : Optional.of(kubeProxy.effectiveMode());
    }

    /** Summarises an imported inventory. */
    public static InventorySummary of(ClusterInventory inv) {
        Map<String, ServiceInfo> byKey = new HashMap<>(inv.services().size() * 2);
        Map<String, Long> byType = emptyTypes();
        long headless = 0, proxied = 0, ports = 0, nodePorts = 0, lbIps = 0;
        String[] keys = new String[inv.services().size()];
        int k = 0;
        for (ServiceInfo s : inv.services()) {
            keys[k++] = s.key();
            byKey.put(keys[k - 1], s);
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
        }
        long listed = 0, notReady = 0, terminating = 0, otherFamily = 0, notProxied = 0, orphaned = 0, dup = 0;
        boolean orphanSlices = false;
        // the ready addresses of each Service key, held by the Service the key maps to (its key is built once)
        Map<ServiceInfo, Set<String>> ready = new IdentityHashMap<>(inv.services().size());
        for (EndpointSliceInfo slice : inv.endpointSlices()) {
            ServiceInfo svc = byKey.get(slice.serviceKey());
            boolean programmed = svc != null && svc.proxied() && slice.addressType()
                    == (svc.primaryClusterIP().contains(":") ? AddressType.IPV6 : AddressType.IPV4);
            if (!programmed) {
                long entries = 0;
                for (EndpointInfo e : slice.endpoints()) {
                    if (!e.addresses().isEmpty()) {
                        entries++;
                    }
                }
                listed += entries;
                if (svc == null) {
                    orphaned += entries;
                    orphanSlices = true;
                } else if (!svc.proxied()) {
                    notProxied += entries;
                } else {
                    otherFamily += entries;
                }
                continue;
            }
            Set<String> set = ready.get(svc);
            if (set == null) {
                set = new HashSet<>(Math.max(16, slice.endpoints().size() * 2));
                ready.put(svc, set);
            }
            // one pass over a programmed slice: its entries with an address are listed and sorted
            for (EndpointInfo e : slice.endpoints()) {
                if (e.addresses().isEmpty()) {
                    continue;
                }
                listed++;
                if (e.ready()) {
                    if (!set.add(e.addresses().get(0))) {
                        dup++;
                    }
                } else if (e.terminating()) {
                    terminating++;
                } else {
                    notReady++;
                }
            }
        }
        long readyTotal = 0, withoutEndpoints = 0;
        long[] perService = new long[inv.services().size()];
        int counted = 0;
        long[] buckets = new long[BUCKET_MAX.length];
        k = 0;
        for (ServiceInfo s : inv.services()) {
            String key = keys[k++];
            if (!s.proxied()) {
                continue;
            }
            proxied++;
            ports += s.ports().size();
            Set<String> addresses = ready.get(byKey.get(key));
            long n = addresses == null ? 0 : addresses.size();
            readyTotal += n;
            perService[counted++] = n;
            buckets[bucketOf(n)]++;
            if (n == 0) {
                withoutEndpoints++;
            }
        }
        Map<String, Long> kernels = new HashMap<>();
        Map<String, Long> kubelets = new HashMap<>();
        double[] cores = new double[inv.nodes().size()];
        double totalCores = 0;
        int i = 0;
        for (NodeInfo n : inv.nodes()) {
            kernels.merge(n.kernelVersion().isEmpty() ? "unknown" : n.kernelVersion(), 1L, Long::sum);
            kubelets.merge(n.kubeletVersion().isEmpty() ? "unknown" : n.kubeletVersion(), 1L, Long::sum);
            cores[i++] = n.cores();
            totalCores += n.cores();
        }
        List<Note> notes = new ArrayList<>();
        if (inv.nodes().isEmpty()) {
            notes.add(Note.NO_NODES);
        }
        if (inv.kubeProxy().mode().isEmpty()) {
            notes.add(Note.IMPLICIT_MODE);
        }
        if (kernels.size() > 1) {
            notes.add(Note.MIXED_KERNELS);
        }
        if (withoutEndpoints > 0) {
            notes.add(Note.SERVICES_WITHOUT_ENDPOINTS);
        }
        if (orphanSlices) {
            notes.add(Note.ORPHAN_ENDPOINT_SLICES);
        }
        Endpoints eps = new Endpoints(listed, readyTotal, notReady, terminating, otherFamily, notProxied, orphaned,
                dup);
        return new InventorySummary(inv.name(), false, inv.kubernetesVersion(), inv.services().size(), byType,
                headless, proxied, ports, nodePorts, lbIps, inv.endpointSlices().size(), eps,
                Distribution.of(Arrays.copyOf(perService, counted)), bucketList(buckets),
                inv.nodes().size(), totalCores, InventoryScenario.medianCores(inv.nodes()), sortedByCount(kernels),
                sortedByCount(kubelets), inv.kubeProxy(), inv.namespaces(), inv.networkPolicies(), notes);
    }

    /** Summarises a built-in sample (without materialising its objects). */
    public static InventorySummary ofSample(Sample sample) {
        ScenarioParams p = sample.params();
        long lb = Math.round(p.services() * p.loadBalancerShare());
        long np = Math.min(p.services() - lb, Math.round(p.services() * p.nodePortShare()));
        Map<String, Long> byType = emptyTypes();
        byType.put(ServiceType.CLUSTER_IP.apiName(), p.services() - lb - np);
        byType.put(ServiceType.NODE_PORT.apiName(), np);
        byType.put(ServiceType.LOAD_BALANCER.apiName(), lb);
        long[] buckets = new long[BUCKET_MAX.length];
        buckets[bucketOf(p.endpointsPerService())] = p.services();
        long ready = p.services() * p.endpointsPerService();
        long e = p.endpointsPerService();
        return new InventorySummary(sample.name(), true, p.kubernetesVersion().toString(), p.services(), byType, 0,
                p.services(), p.servicePorts(), (np + lb) * p.portsPerService(), lb, 0,
                new Endpoints(ready, ready, 0, 0, 0, 0, 0, 0),
                new Distribution(p.services(), e, e, e, e, e, e), bucketList(buckets), p.nodes(),
                p.nodes() * p.coresPerNode(), p.coresPerNode(), Map.of(p.kernel().toString(), (long) p.nodes()),
                Map.of(), null, 0, 0, List.of());
    }

    private static Map<String, Long> emptyTypes() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (ServiceType t : List.of(ServiceType.CLUSTER_IP, ServiceType.NODE_PORT, ServiceType.LOAD_BALANCER,
                ServiceType.EXTERNAL_NAME)) {
            m.put(t.apiName(), 0L);
        }
        return m;
    }

    private static int bucketOf(long n) {
        for (int b = 0; b < BUCKET_MAX.length; b++) {
            if (n <= BUCKET_MAX[b]) {
                return b;
            }
        }
        return BUCKET_MAX.length - 1;
    }

    private static List<Bucket> bucketList(long[] counts) {
        List<Bucket> out = new ArrayList<>();
        for (int b = 0; b < counts.length; b++) {
            long min = b == 0 ? 0 : BUCKET_MAX[b - 1] + 1;
            out.add(new Bucket(min, BUCKET_MAX[b], counts[b]));
        }
        return out;
    }

    private static Map<String, Long> sortedByCount(Map<String, Long> map) {
        Map<String, Long> out = new LinkedHashMap<>();
        map.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
