package dev.kpp.model.plan;

import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.KubeProxyConfig;
import dev.kpp.model.inventory.NodeInfo;
import dev.kpp.model.inventory.ServiceInfo;
import dev.kpp.model.inventory.ServiceType;
import dev.kpp.model.inventory.SessionAffinity;
import dev.kpp.model.inventory.TrafficPolicy;
import dev.kpp.model.rules.Workload;
import dev.kpp.model.rules.WorkloadBuilder;
import dev.kpp.model.scenario.ScenarioField;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.units.InvalidValueException;
import dev.kpp.model.units.KernelVersion;
import dev.kpp.model.units.KubeVersion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one derivation of a scenario from an imported inventory: the Service mix, nodes and cores,
 * kernel, Kubernetes version and kube-proxy settings. Traffic (requests per second and per
 * connection, churn) and the Calico add-on inputs are not in an inventory and come from the defaults
 * given; so does anything the inventory leaves unknown, and each such substitution is recorded as an
 * {@link Assumption}.
 */
public final class InventoryScenario {
    private InventoryScenario() {
    }

    /**
     * @param inv      the inventory
     * @param defaults values for what the inventory does not say (traffic, Calico inputs, unknown facts)
     * @return the inventory ready for planning
     */
    public static InventoryBase derive(ClusterInventory inv, ScenarioParams defaults) {
        Workload workload = WorkloadBuilder.fromInventory(inv, null);
        List<Assumption> assumed = new ArrayList<>();
        List<ServiceInfo> proxied = new ArrayList<>();
        for (ServiceInfo s : inv.services()) {
            if (s.proxied()) {
                proxied.add(s);
            }
        }
        long services = Math.min(ScenarioParams.MAX_SERVICES, proxied.size());
        if (proxied.size() > ScenarioParams.MAX_SERVICES) {
            assumed.add(new Assumption(Assumption.Code.CAPPED, ScenarioField.SERVICES.id(),
                    Long.toString(services), Integer.toString(proxied.size())));
        }
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
        int ports = defaults.portsPerService();
        if (services > 0) {
            double mean = workload.servicePorts() / (double) proxied.size();
            ports = (int) Math.max(1, Math.min(ScenarioField.PORTS_PER_SERVICE.max(), Math.round(mean)));
            if (mean != ports) {
                assumed.add(new Assumption(Assumption.Code.MEAN_SHOWN, ScenarioField.PORTS_PER_SERVICE.id(),
                        Integer.toString(ports), InvalidValueException.plain(Math.round(mean * 100) / 100.0)));
            }
        }
        double meanEndpoints = workload.meanEndpointsPerPort();
        int endpoints = (int) Math.min(ScenarioParams.MAX_ENDPOINTS_PER_SERVICE, Math.round(meanEndpoints));

        KubeProxyConfig kp = inv.kubeProxy();
        double sync = Math.min(ScenarioField.SYNC_PERIOD.max(), kp.syncPeriodSeconds());
        ScenarioParams.Builder b = defaults.toBuilder();
        b.services = services;
        b.portsPerService = ports;
        b.endpointsPerService = endpoints;
        b.nodePortShare = nodePort / n;
        b.loadBalancerShare = lb / n;
        b.externalLocalShare = external == 0 ? 0 : externalLocal / (double) external;
        b.affinityShare = affinity / n;
        b.syncPeriodSeconds = sync;
        b.minSyncPeriodSeconds = Math.min(sync, kp.minSyncPeriodSeconds());
        b.masqueradeAll = kp.masqueradeAll();
        b.localDetector = kp.localDetectorImplemented();
        b.conntrack = kp.conntrack();
        if (kp.equals(KubeProxyConfig.defaults())) {
            assumed.add(new Assumption(Assumption.Code.DEFAULT_USED, "kubeProxy", "defaults", ""));
        }
        if (inv.nodes().isEmpty()) {
            assumed.add(new Assumption(Assumption.Code.DEFAULT_USED, ScenarioField.NODES.id(),
                    Integer.toString(defaults.nodes()), ""));
            assumed.add(new Assumption(Assumption.Code.DEFAULT_USED, ScenarioField.CORES_PER_NODE.id(),
                    InvalidValueException.plain(defaults.coresPerNode()), ""));
            assumed.add(new Assumption(Assumption.Code.DEFAULT_USED, ScenarioField.KERNEL.id(),
                    defaults.kernel().toString(), ""));
        } else {
            int nodes = (int) Math.min(ScenarioField.NODES.max(), inv.nodes().size());
            if (nodes < inv.nodes().size()) {
                assumed.add(new Assumption(Assumption.Code.CAPPED, ScenarioField.NODES.id(), Integer.toString(nodes),
                        Integer.toString(inv.nodes().size())));
            }
            b.nodes = nodes;
            double cores = medianCores(inv.nodes());
            if (cores >= 1) {
                b.coresPerNode = Math.min(ScenarioField.CORES_PER_NODE.max(), cores);
                if (cores > ScenarioField.CORES_PER_NODE.max()) {
                    assumed.add(new Assumption(Assumption.Code.CAPPED, ScenarioField.CORES_PER_NODE.id(),
                            InvalidValueException.plain(b.coresPerNode), InvalidValueException.plain(cores)));
                }
            } else {
                assumed.add(new Assumption(Assumption.Code.DEFAULT_USED, ScenarioField.CORES_PER_NODE.id(),
                        InvalidValueException.plain(defaults.coresPerNode()), ""));
            }
            Map<KernelVersion, Integer> kernels = kernelCounts(inv.nodes());
            KernelVersion kernel = mostCommon(kernels);
            if (kernel != null) {
                b.kernel = kernel;
                if (kernels.size() > 1) {
                    assumed.add(new Assumption(Assumption.Code.MOST_COMMON_USED, ScenarioField.KERNEL.id(),
                            kernel.toString(), kernels.size() + " kernels"));
                }
            } else {
                assumed.add(new Assumption(Assumption.Code.DEFAULT_USED, ScenarioField.KERNEL.id(),
                        defaults.kernel().toString(), ""));
            }
        }
        KubeVersion version = version(inv);
        if (version != null) {
            b.kubernetesVersion = version;
        } else {
            assumed.add(new Assumption(Assumption.Code.DEFAULT_USED, ScenarioField.KUBERNETES_VERSION.id(),
                    defaults.kubernetesVersion().toString(), ""));
        }
        return new InventoryBase(inv, workload, b.build(), proxied.size(), meanEndpoints, assumed);
    }

    static double medianCores(List<NodeInfo> nodes) {
        double[] c = nodes.stream().mapToDouble(NodeInfo::cores).filter(x -> x > 0).toArray();
        if (c.length == 0) {
            return 0;
        }
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    static Map<KernelVersion, Integer> kernelCounts(List<NodeInfo> nodes) {
        Map<KernelVersion, Integer> counts = new HashMap<>();
        for (NodeInfo node : nodes) {
            try {
                counts.merge(KernelVersion.parse(node.kernelVersion()), 1, Integer::sum);
            } catch (IllegalArgumentException e) {
                // unknown kernel: not counted
            }
        }
        return counts;
    }

    /** @return the most common key (ties: the smaller, i.e. the older and conservative one), or null */
    static <K extends Comparable<K>> K mostCommon(Map<K, Integer> counts) {
        K best = null;
        int bestCount = 0;
        for (Map.Entry<K, Integer> e : new TreeMap<>(counts).entrySet()) {
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
        return mostCommon(counts);
    }
}
