package dev.kpp.model.advice;

import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.NodeInfo;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.inventory.ServiceInfo;
import dev.kpp.model.inventory.ServiceType;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.units.KernelVersion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the advisor knows about the cluster beyond the scenario: the mode kube-proxy runs, the node
 * pools and their kernels, the Services that make a migration risky, and observed metrics.
 *
 * @param configuredMode           kube-proxy's configured mode (empty: unset, i.e. iptables)
 * @param imported                 true when the facts come from an imported inventory
 * @param nodeGroups               nodes grouped by pool (or kernel and OS image)
 * @param nodePortServices         Services with NodePorts (NodePort and LoadBalancer)
 * @param loadBalancerServices     Services of type LoadBalancer
 * @param externalIpServices       Services with externalIPs
 * @param ipvsStrictArp            kube-proxy's {@code ipvs.strictARP}
 * @param localhostNodePortPackets observed {@code kubeproxy_iptables_localhost_nodeports_accepted_packets_total}
 *                                 (empty when no metrics were imported)
 */
public record ClusterFacts(Optional<ProxyMode> configuredMode, boolean imported, List<NodeGroup> nodeGroups,
                           long nodePortServices, long loadBalancerServices, long externalIpServices,
                           boolean ipvsStrictArp, OptionalDouble localhostNodePortPackets) {
    public ClusterFacts {
        nodeGroups = List.copyOf(nodeGroups);
    }

    /** @return the mode kube-proxy runs today: the configured one, or iptables when unset */
    public ProxyMode currentMode() {
        return configuredMode.orElse(ProxyMode.IPTABLES);
    }

    /** @return the total number of nodes */
    public int nodes() {
        return nodeGroups.stream().mapToInt(NodeGroup::nodes).sum();
    }

    /**
     * @param inv                      the inventory
     * @param localhostNodePortPackets the observed metric, if imported
     * @return the facts an inventory gives
     */
    public static ClusterFacts of(ClusterInventory inv, OptionalDouble localhostNodePortPackets) {
        long nodePort = 0, lb = 0, external = 0;
        for (ServiceInfo s : inv.services()) {
            if (!s.proxied()) {
                continue;
            }
            if (s.type().hasNodePorts()) {
                nodePort++;
            }
            if (s.type() == ServiceType.LOAD_BALANCER) {
                lb++;
            }
            if (!s.externalIPs().isEmpty()) {
                external++;
            }
        }
        return new ClusterFacts(inv.kubeProxy().mode(), true, groups(inv.nodes()), nodePort, lb, external,
                inv.kubeProxy().ipvsStrictArp(), localhostNodePortPackets);
    }

    /**
     * @param p       the scenario
     * @param current the mode the cluster runs (empty: unset, i.e. iptables)
     * @return the facts a synthetic scenario implies: every node on the scenario's kernel
     */
    public static ClusterFacts synthetic(ScenarioParams p, Optional<ProxyMode> current) {
        long np = Math.round(p.services() * (p.nodePortShare() + p.loadBalancerShare()));
        long lb = Math.round(p.services() * p.loadBalancerShare());
        return new ClusterFacts(current, false,
                List.of(new NodeGroup("", p.kernel(), p.kernel().toString(), "", p.nodes())), np, lb, 0, false,
                OptionalDouble.empty());
    }

    /** @return the facts with every node on this kernel (a what-if: "after the kernel upgrade") */
    public ClusterFacts withKernel(KernelVersion kernel) {
        int n = Math.max(1, nodes());
        return new ClusterFacts(configuredMode, imported, List.of(new NodeGroup("", kernel, kernel.toString(), "", n)),
                nodePortServices, loadBalancerServices, externalIpServices, ipvsStrictArp, localhostNodePortPackets);
    }

    /** @return the facts with another configured mode */
    public ClusterFacts withMode(Optional<ProxyMode> mode) {
        return new ClusterFacts(mode, imported, nodeGroups, nodePortServices, loadBalancerServices, externalIpServices,
                ipvsStrictArp, localhostNodePortPackets);
    }

    static List<NodeGroup> groups(List<NodeInfo> nodes) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, NodeInfo> first = new LinkedHashMap<>();
        for (NodeInfo n : nodes) {
            String key = n.pool().isEmpty() ? "\u0000" + n.kernelVersion() + "\u0000" + n.osImage()
                    : n.pool() + "\u0000" + n.kernelVersion();
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
            first.putIfAbsent(key, n);
        }
        List<NodeGroup> out = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            NodeInfo n = first.get(e.getKey());
            KernelVersion k;
            try {
                k = KernelVersion.parse(n.kernelVersion());
            } catch (IllegalArgumentException ex) {
                k = null;
            }
            out.add(new NodeGroup(n.pool(), k, n.kernelVersion(), n.osImage(), e.getValue()[0]));
        }
        out.sort(Comparator.comparingInt(NodeGroup::nodes).reversed().thenComparing(NodeGroup::label));
        return out;
    }
}
