package dev.kpp.app.ui.session;

import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.EndpointInfo;
import dev.kpp.model.inventory.EndpointSliceInfo;
import dev.kpp.model.inventory.KubeProxyConfig;
import dev.kpp.model.inventory.NodeInfo;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.inventory.ServiceInfo;
import dev.kpp.model.inventory.ServiceType;
import dev.kpp.model.scenario.Sample;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.units.KernelVersion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the inventory pane shows, computed once per import (off the FX thread) or per sample.
 *
 * @param name                 inventory or sample name
 * @param fromSample           true for a built-in sample
 * @param kubernetesVersion    version text, "" when unknown
 * @param servicesByType       counts by kind: ClusterIP, NodePort, LoadBalancer, ExternalName, Headless
 * @param proxiedServices      Services kube-proxy programs
 * @param servicePorts         proxied Service ports
 * @param endpoints            ready endpoints over proxied Services
 * @param endpointDistribution Services per endpoint-count bucket
 * @param meanEndpoints        mean ready endpoints per proxied Service
 * @param maxEndpoints         largest ready endpoint count of one Service
 * @param nodes                nodes
 * @param medianCores          median cores per node (0 when unknown)
 * @param kernels              kernel version to node count, most common first
 * @param kubeProxy            kube-proxy configuration (null for a sample)
 * @param namespaces           namespaces (0 when unknown)
 * @param notes                codes of facts worth a caveat ({@code NOTE_*})
 */
public record InventorySummary(String name, boolean fromSample, String kubernetesVersion,
                               Map<String, Long> servicesByType, long proxiedServices, long servicePorts,
                               long endpoints, List<Bucket> endpointDistribution, double meanEndpoints,
                               long maxEndpoints, int nodes, double medianCores, Map<String, Long> kernels,
                               KubeProxyConfig kubeProxy, int namespaces, List<String> notes) {
    /** Note: no nodes in the inventory; one node is assumed. */
    public static final String NOTE_NO_NODES = "no-nodes";
    /** Note: kube-proxy's mode is not set, so it is implicitly iptables. */
    public static final String NOTE_IMPLICIT_MODE = "implicit-mode";
    /** Note: nodes run different kernels; the most common one is used. */
    public static final String NOTE_MIXED_KERNELS = "mixed-kernels";
    /** Note: some proxied Services have no ready endpoint. */
    public static final String NOTE_SERVICES_WITHOUT_ENDPOINTS = "services-without-endpoints";

    /** Upper bounds of the endpoint-count buckets. */
    private static final long[] BUCKET_MAX = {0, 1, 3, 10, 50, 250, Long.MAX_VALUE};
    private static final String[] BUCKET_LABEL = {"0", "1", "2–3", "4–10", "11–50", "51–250", "> 250"};

    /**
     * Services in one endpoint-count bucket.
     *
     * @param label range, e.g. "4–10"
     * @param count Services
     */
    public record Bucket(String label, long count) {
    }

    public InventorySummary {
        servicesByType = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(servicesByType));
        endpointDistribution = List.copyOf(endpointDistribution);
        kernels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kernels));
        notes = List.copyOf(notes);
    }

    /** @return the effective kube-proxy mode, empty for a sample */
    public Optional<ProxyMode> effectiveMode() {
        return kubeProxy == null ? Optional.empty() : Optional.of(kubeProxy.effectiveMode());
    }

    /** Summarises an imported inventory. */
    public static InventorySummary of(ClusterInventory inv) {
        Map<String, Long> byType = emptyTypes();
        Map<String, Set<String>> endpointsByService = new HashMap<>();
        for (EndpointSliceInfo slice : inv.endpointSlices()) {
            Set<String> set = endpointsByService.computeIfAbsent(slice.serviceKey(), k -> new HashSet<>());
            for (EndpointInfo ep : slice.endpoints()) {
                if (ep.ready() && !ep.addresses().isEmpty()) {
                    set.add(ep.addresses().get(0));
                }
            }
        }
        long proxied = 0;
        long ports = 0;
        long endpoints = 0;
        long max = 0;
        long withoutEndpoints = 0;
        long[] buckets = new long[BUCKET_MAX.length];
        for (ServiceInfo s : inv.services()) {
            String kind = s.isExternalName() ? ServiceType.EXTERNAL_NAME.apiName()
                    : s.headless() ? "Headless" : s.type().apiName();
            byType.merge(kind, 1L, Long::sum);
            if (!s.proxied()) {
                continue;
            }
            proxied++;
            ports += s.ports().size();
            long n = endpointsByService.getOrDefault(s.key(), Set.of()).size();
            endpoints += n;
            max = Math.max(max, n);
            if (n == 0) {
                withoutEndpoints++;
            }
            buckets[bucketOf(n)]++;
        }
        Map<String, Long> kernels = new HashMap<>();
        double[] cores = new double[inv.nodes().size()];
        int i = 0;
        for (NodeInfo n : inv.nodes()) {
            String k = n.kernelVersion().isEmpty() ? "?" : n.kernelVersion();
            kernels.merge(k, 1L, Long::sum);
            cores[i++] = n.cores();
        }
        List<String> notes = new ArrayList<>();
        if (inv.nodes().isEmpty()) {
            notes.add(NOTE_NO_NODES);
        }
        if (inv.kubeProxy().mode().isEmpty()) {
            notes.add(NOTE_IMPLICIT_MODE);
        }
        if (kernels.size() > 1) {
            notes.add(NOTE_MIXED_KERNELS);
        }
        if (withoutEndpoints > 0) {
            notes.add(NOTE_SERVICES_WITHOUT_ENDPOINTS);
        }
        return new InventorySummary(inv.name(), false, inv.kubernetesVersion(), byType, proxied, ports, endpoints,
                bucketList(buckets), proxied == 0 ? 0 : endpoints / (double) proxied, max, inv.nodes().size(),
                median(cores), sortedByCount(kernels), inv.kubeProxy(), inv.namespaces(), notes);
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
        return new InventorySummary(sample.name(), true, p.kubernetesVersion().toString(), byType, p.services(),
                p.servicePorts(), p.services() * p.endpointsPerService(), bucketList(buckets),
                p.endpointsPerService(), p.endpointsPerService(), p.nodes(), p.coresPerNode(),
                Map.of(p.kernel().toString(), (long) p.nodes()), null, 0, List.of());
    }

    /**
     * The scenario an inventory describes, for the controls to start from: its Services, endpoints,
     * shares, nodes, median cores, most common kernel, version and kube-proxy settings.
     */
    public ScenarioParams baseParams() {
        ScenarioParams d = ScenarioParams.defaults();
        long services = Math.max(0, proxiedServices);
        double np = proxiedServices == 0 ? 0 : servicesByType.get(ServiceType.NODE_PORT.apiName()) / (double) proxiedServices;
        double lb = proxiedServices == 0 ? 0
                : servicesByType.get(ServiceType.LOAD_BALANCER.apiName()) / (double) proxiedServices;
        ScenarioParams p = d.withServices(Math.min(services, ScenarioParams.MAX_SERVICES))
                .withEndpointsPerService((int) Math.min(ScenarioParams.MAX_ENDPOINTS_PER_SERVICE,
                        Math.round(meanEndpoints)))
                .withShares(Math.min(1, np), Math.min(1 - Math.min(1, np), lb))
                .withNodes(Math.max(1, Math.min(100_000, nodes)));
        if (medianCores >= 1) {
            p = p.withCoresPerNode(Math.min(1024, medianCores));
        }
        for (String k : kernels.keySet()) {
            try {
                p = p.withKernel(KernelVersion.parse(k));
                break;
            } catch (IllegalArgumentException e) {
                // "?" or an unparseable kernel: try the next most common
            }
        }
        if (!kubernetesVersion.isEmpty()) {
            try {
                p = p.withKubernetesVersion(dev.kpp.model.units.KubeVersion.parse(kubernetesVersion));
            } catch (IllegalArgumentException e) {
                // keep the default version
            }
        }
        if (kubeProxy != null) {
            p = p.withSyncPeriods(kubeProxy.syncPeriodSeconds(),
                            Math.min(kubeProxy.minSyncPeriodSeconds(), kubeProxy.syncPeriodSeconds()))
                    .withConntrack(kubeProxy.conntrack())
                    .withMasquerade(kubeProxy.masqueradeAll(), kubeProxy.localDetectorImplemented());
        }
        return p;
    }

    private static Map<String, Long> emptyTypes() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String k : List.of("ClusterIP", "NodePort", "LoadBalancer", "ExternalName", "Headless")) {
            m.put(k, 0L);
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
            out.add(new Bucket(BUCKET_LABEL[b], counts[b]));
        }
        return out;
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
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
