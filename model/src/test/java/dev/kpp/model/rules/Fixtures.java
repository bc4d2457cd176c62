package dev.kpp.model.rules;

import dev.kpp.model.inventory.AddressType;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.EndpointInfo;
import dev.kpp.model.inventory.EndpointPortInfo;
import dev.kpp.model.inventory.EndpointSliceInfo;
import dev.kpp.model.inventory.KubeProxyConfig;
import dev.kpp.model.inventory.NodeInfo;
import dev.kpp.model.inventory.Protocol;
import dev.kpp.model.inventory.ServiceInfo;
import dev.kpp.model.inventory.ServicePortInfo;
import dev.kpp.model.inventory.ServiceType;
import dev.kpp.model.inventory.SessionAffinity;
import dev.kpp.model.inventory.TrafficPolicy;
import dev.kpp.model.units.KubeVersion;

import java.util.ArrayList;
import java.util.List;

/** Builds small inventories the way kube-proxy's TestNumberIptablesRules does. */
final class Fixtures {
    static final StructureOptions V1_26 = StructureOptions.forVersion(KubeVersion.parse("1.26"));
    static final StructureOptions V1_19 = StructureOptions.forVersion(KubeVersion.parse("1.19"));

    private Fixtures() {
    }

    /** A Service spec template. */
    record Spec(ServiceType type, int externalIPs, int lbIPs, int sourceRanges, TrafficPolicy etp,
                SessionAffinity affinity, boolean headless, String proxyName) {
        static Spec clusterIp() {
            return new Spec(ServiceType.CLUSTER_IP, 0, 0, 0, TrafficPolicy.CLUSTER, SessionAffinity.NONE, false, "");
        }

        /** The LoadBalancer template of TestNumberIptablesRules: 1 external IP, 1 LB IP, 1 source range. */
        static Spec kubeProxyTestLoadBalancer() {
            return new Spec(ServiceType.LOAD_BALANCER, 1, 1, 1, TrafficPolicy.CLUSTER, SessionAffinity.NONE, false, "");
        }

        Spec withAffinity() {
            return new Spec(type, externalIPs, lbIPs, sourceRanges, etp, SessionAffinity.CLIENT_IP, headless, proxyName);
        }

        Spec withEtpLocal() {
            return new Spec(type, externalIPs, lbIPs, sourceRanges, TrafficPolicy.LOCAL, affinity, headless, proxyName);
        }
    }

    /** {@code services} Services of one spec, each with {@code endpoints} ready endpoints on node-0..n. */
    static ClusterInventory inventory(int services, int endpoints, Spec spec) {
        List<ServiceInfo> svcs = new ArrayList<>();
        List<EndpointSliceInfo> slices = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            String name = "svc" + i;
            int nodePort = spec.type().hasNodePorts() ? 30000 + i : 0;
            List<String> ext = new ArrayList<>();
            for (int x = 0; x < spec.externalIPs(); x++) {
                ext.add("1.2.3." + (4 + x));
            }
            List<String> lb = new ArrayList<>();
            for (int x = 0; x < spec.lbIPs(); x++) {
                lb.add("1.2.4." + (4 + x));
            }
            List<String> ranges = new ArrayList<>();
            for (int x = 0; x < spec.sourceRanges(); x++) {
                ranges.add("1.2.3." + (16 * x) + "/28");
            }
            svcs.add(new ServiceInfo("namespace", name, spec.type(),
                    List.of(spec.headless() ? "None" : "10.0." + (i / 250) + "." + (1 + i % 250)),
                    List.of(new ServicePortInfo("8080", Protocol.TCP, 80 + i, nodePort, "8080")), ext, lb, spec.etp(),
                    TrafficPolicy.CLUSTER, spec.affinity(), ranges,
                    spec.type() == ServiceType.LOAD_BALANCER ? 32000 + i : 0, spec.proxyName(), ""));
            List<EndpointInfo> eps = new ArrayList<>();
            for (int j = 0; j < endpoints; j++) {
                eps.add(EndpointInfo.ready("172.16." + (j / 250) + "." + (1 + j % 250), "node-" + j));
            }
            slices.add(new EndpointSliceInfo("namespace", name, name, AddressType.IPV4,
                    List.of(new EndpointPortInfo("8080", Protocol.TCP, 8080)), eps));
        }
        List<NodeInfo> nodes = new ArrayList<>();
        for (int n = 0; n < Math.max(1, endpoints); n++) {
            nodes.add(new NodeInfo("node-" + n, 4, 8L << 30, "6.1.0", "Linux", "", "v1.26.0"));
        }
        return new ClusterInventory("fixture", "1.26", svcs, slices, nodes, KubeProxyConfig.defaults(), 0, 1);
    }

    static ModeStructure iptables(ClusterInventory inv, StructureOptions options) {
        return IptablesStructure.compute(WorkloadBuilder.fromInventory(inv, "node-0"), options);
    }
}
