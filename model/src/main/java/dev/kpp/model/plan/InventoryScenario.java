package dev.kpp.model.plan;

import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.KubeProxyConfig;
import dev.kpp.model.inventory.NodeInfo;
import dev.kpp.model.inventory.ServiceInfo;
import dev.kpp.model.inventory.ServiceType;
import dev.kpp.model.inventory.SessionAffinity;
import dev.kpp.model.inventory.TrafficPolicy;
import dev.kpp.model.rules.Workload;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.units.KernelVersion;
import dev.kpp.model.units.KubeVersion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Derives the scenario inputs that an imported inventory determines: the Service mix, nodes and
 * cores, kernel, Kubernetes version and kube-proxy settings. Traffic (requests per second and per
 * connection, churn) and the Calico add-on inputs are not in an inventory and come from
 * {@code base}; so does anything the inventory leaves unknown (no nodes, no kernel...).
 */
public final class InventoryScenario {
    private InventoryScenario() {
    }

    /**
     * @param inv      the inventory
     * @param workload its workload ({@link dev.kpp.model.rules.WorkloadBuilder#fromInventory})
     * @param base     defaults for what the inventory does not say
     * @return the scenario
     */
    public static ScenarioParams derive(ClusterInventory inv, Workload workload, ScenarioParams base) {
        List<ServiceInfo> proxied = new ArrayList<>();
        for (ServiceInfo s : inv.services()) {
            if (s.proxied()) {
                proxied.add(s);
            }
        }
        long services = Math.min(ScenarioParams.MAX_SERVICES, proxied.size());
        long nodePort = 0, lb = 0, external = 0, externalLocal = 0, affinity = 0;
        for (ServiceInfo s : proxied) {
            if (s.type() == ServiceType.NODE_PORT) {
                nodePort++;
            } else if (s.type() == ServiceType.LOAD_BALANCER) {
                lb++;
            }
            if (s.type().hasNodePorts()) {
                external++;
                if (s.externalTrafficPolicy() == TrafficPolicy.LOCAL) {
                    externalLocal++;
                }
            }
            if (s.sessionAffinity() == SessionAffinity.CLIENT_IP) {
                affinity++;
            }
        }
        double n = Math.max(1, proxied.size());
        int ports = services == 0 ? base.portsPerService()
                : (int) Math.max(1, Math.min(100, Math.round(workload.servicePorts() / (double) services)));
        int endpoints = (int) Math.min(ScenarioParams.MAX_ENDPOINTS_PER_SERVICE,
                Math.round(workload.meanEndpointsPerPort()));

        KubeProxyConfig kp = inv.kubeProxy();
        double sync = Math.min(86_400, kp.syncPeriodSeconds());
        ScenarioParams p = base
                .withServices(services)
                .withPortsPerService(ports)
                .withEndpointsPerService(endpoints)
                .withShares(nodePort / n, lb / n)
                .withExternalLocalShare(external == 0 ? 0 : externalLocal / (double) external)
                .withAffinityShare(affinity / n)
                .withSyncPeriods(sync, Math.min(sync, kp.minSyncPeriodSeconds()))
                .withMasquerade(kp.masqueradeAll(), kp.localDetectorImplemented())
                .withConntrack(kp.conntrack());
        if (!inv.nodes().isEmpty()) {
            p = p.withNodes(Math.min(100_000, inv.nodes().size()));
            double cores = medianCores(inv.nodes());
            if (cores >= 1) {
                p = p.withCoresPerNode(Math.min(1024, cores));
            }
            KernelVersion kernel = mostCommonKernel(inv.nodes());
            if (kernel != null) {
                p = p.withKernel(kernel);
            }
        }
        KubeVersion version = version(inv);
        if (version != null) {
            p = p.withKubernetesVersion(version);
        }
        return p;
    }

    static double medianCores(List<NodeInfo> nodes) {
        double[] c = nodes.stream().mapToDouble(NodeInfo::cores).filter(x -> x > 0).toArray();
        if (c.length == 0) {
            return 0;
        }
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    /** @return the most common parsable kernel (ties: the older, the conservative choice), or null */
    static KernelVersion mostCommonKernel(List<NodeInfo> nodes) {
        Map<KernelVersion, Integer> counts = new HashMap<>();
        for (NodeInfo node : nodes) {
            try {
                counts.merge(KernelVersion.parse(node.kernelVersion()), 1, Integer::sum);
            } catch (IllegalArgumentException e) {
                // unknown kernel
            }
        }
        KernelVersion best = null;
        int bestCount = 0;
        for (Map.Entry<KernelVersion, Integer> e : new TreeMap<>(counts).entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    /** @return the inventory's version, else the most common kube-proxy or kubelet version, else null */
    static KubeVersion version(ClusterInventory inv) {
        if (!inv.kubernetesVersion().isEmpty()) {
            try {
                return KubeVersion.parse(inv.kubernetesVersion());
            } catch (IllegalArgumentException e) {
                // fall through to the nodes
            }
        }
        Map<KubeVersion, Integer> counts = new HashMap<>();
        for (NodeInfo node : inv.nodes()) {
            String v = node.kubeProxyVersion().isEmpty() ? node.kubeletVersion() : node.kubeProxyVersion();
            try {
                counts.merge(KubeVersion.parse(v), 1, Integer::sum);
            } catch (IllegalArgumentException e) {
                // unknown
            }
        }
        KubeVersion best = null;
        int bestCount = 0;
        for (Map.Entry<KubeVersion, Integer> e : new TreeMap<>(counts).entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
