package dev.kpp.model.scenario;

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
import dev.kpp.model.rules.ServicePortShape;
import dev.kpp.model.rules.Workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A synthetic cluster built from a few numbers. Services are laid out in a fixed order
 * (LoadBalancer, then NodePort, then ClusterIP; within each, ClientIP-affinity and Local-policy
 * ones first) and endpoints are placed round-robin over the nodes, so {@link #workload} computes in
 * O(kinds) exactly what {@link dev.kpp.model.rules.WorkloadBuilder} finds in {@link #inventory}, seen from the first node.
 */
public final class SyntheticCluster {
    /** Default Kubernetes NodePort range size (30000-32767). */
    public static final int NODE_PORT_RANGE = 2_768;
    /** Endpoints per EndpointSlice written by the EndpointSlice controller by default. */
    public static final int ENDPOINTS_PER_SLICE = 100;

    private SyntheticCluster() {
    }

    /**
     * One run of identical Services in the fixed layout.
     *
     * @param type           Service type
     * @param affinity       sessionAffinity ClientIP
     * @param externalPolicy externalTrafficPolicy
     * @param count          Services in the run
     */
    public record Block(ServiceType type, boolean affinity, TrafficPolicy externalPolicy, long count) {
    }

    /**
     * @return the runs of identical Services, in layout order (LoadBalancer, NodePort, ClusterIP; within
     *         each, affinity and Local policy first); the dump generator writes the same layout
     */
    public static List<Block> blocks(ScenarioParams p) {
        long s = p.services();
        long lb = Math.round(s * p.loadBalancerShare());
        long np = Math.min(s - lb, Math.round(s * p.nodePortShare()));
        long cip = s - lb - np;
        List<Block> out = new ArrayList<>();
        addType(out, ServiceType.LOAD_BALANCER, lb, p);
        addType(out, ServiceType.NODE_PORT, np, p);
        addType(out, ServiceType.CLUSTER_IP, cip, p);
        return out;
    }

    private static void addType(List<Block> out, ServiceType type, long count, ScenarioParams p) {
        if (count == 0) {
            return;
        }
        long affinity = Math.round(count * p.affinityShare());
        long local = type.hasNodePorts() ? Math.round(count * p.externalLocalShare()) : 0;
        // affinity and local policy are spread independently over the block
        long both = Math.round(affinity * (double) local / count);
        long[] counts = {both, affinity - both, local - both, count - affinity - local + both};
        boolean[] aff = {true, true, false, false};
        TrafficPolicy[] pol = {TrafficPolicy.LOCAL, TrafficPolicy.CLUSTER, TrafficPolicy.LOCAL, TrafficPolicy.CLUSTER};
        for (int i = 0; i < 4; i++) {
            if (counts[i] > 0) {
                out.add(new Block(type, aff[i], pol[i], counts[i]));
            }
        }
    }

    /**
     * The workload of the synthetic cluster, seen from its first node.
     *
     * @param p scenario
     * @return grouped Service ports
     */
    public static Workload workload(ScenarioParams p) {
        Map<ServicePortShape, Long> shapes = new LinkedHashMap<>();
        int e = p.endpointsPerService();
        int k = p.nodes();
        long offset = 0; // global endpoint index of the next Service's first endpoint
        for (Block b : blocks(p)) {
            // Endpoint j of Service i sits on node (offset + i*E + j) mod K; the first node hosts the
            // multiples of K. A window of E consecutive indexes holds floor(E/K) or ceil(E/K) of them.
            long totalLocal = e == 0 ? 0 : Math.floorDiv(offset + b.count * e - 1, k) - Math.floorDiv(offset - 1, k);
            int lo = e / k;
            long high = e % k == 0 ? 0 : totalLocal - b.count * (long) lo;
            offset += b.count * e;
            for (int port = 0; port < p.portsPerService(); port++) {
                if (high > 0) {
                    shapes.merge(shape(b, p, e, lo + 1), high, Long::sum);
                }
                if (b.count - high > 0) {
                    shapes.merge(shape(b, p, e, lo), b.count - high, Long::sum);
                }
            }
        }
        return Workload.of(shapes, 0, 0, 0, k > 0 ? nodeName(0) : "");
    }

    private static ServicePortShape shape(Block b, ScenarioParams p, int endpoints, int local) {
        boolean lb = b.type == ServiceType.LOAD_BALANCER;
        boolean hc = lb && b.externalPolicy == TrafficPolicy.LOCAL;
        return new ServicePortShape(b.type, Protocol.TCP, b.type.hasNodePorts(), 0, lb ? 1 : 0, 0,
                b.externalPolicy, TrafficPolicy.CLUSTER, b.affinity, endpoints, local, hc);
    }

    /** @return the name of synthetic node {@code i} */
    public static String nodeName(int i) {
        if (i < 0) {
            return String.format("node-%05d", i);
        }
        String n = Integer.toString(i); // as %05d, without a Formatter at every sweep point
        return "node-" + "00000".substring(Math.min(5, n.length())) + n;
    }

    /**
     * Materialises the synthetic cluster as an inventory (Services, EndpointSlices of at most 100
     * endpoints, Nodes). Memory grows with services x endpoints; intended for tests, the dump
     * generator and benchmarks.
     *
     * @param p    scenario
     * @param name inventory name
     * @return the inventory
     */
    public static ClusterInventory inventory(ScenarioParams p, String name) {
        List<NodeInfo> nodes = new ArrayList<>();
        String kernel = p.kernel() + ".0-synthetic";
        for (int i = 0; i < p.nodes(); i++) {
            nodes.add(new NodeInfo(nodeName(i), p.coresPerNode(), (long) (p.coresPerNode() * (4L << 30)), kernel,
                    "Synthetic Linux", "", "v" + p.kubernetesVersion() + ".0"));
        }
        List<ServiceInfo> services = new ArrayList<>();
        List<EndpointSliceInfo> slices = new ArrayList<>();
        long svcIndex = 0;
        long epIndex = 0;
        int e = p.endpointsPerService();
        for (Block b : blocks(p)) {
            for (long i = 0; i < b.count; i++, svcIndex++) {
                String svcName = String.format("svc-%06d", svcIndex);
                String ns = String.format("ns-%03d", svcIndex % 100);
                List<ServicePortInfo> ports = new ArrayList<>();
                List<EndpointPortInfo> epPorts = new ArrayList<>();
                for (int port = 0; port < p.portsPerService(); port++) {
                    String portName = p.portsPerService() == 1 ? "" : "p" + port;
                    int nodePort = b.type.hasNodePorts()
                            ? 30000 + (int) ((svcIndex * p.portsPerService() + port) % NODE_PORT_RANGE) : 0;
                    ports.add(new ServicePortInfo(portName, Protocol.TCP, 80 + port, nodePort,
                            Integer.toString(8080 + port)));
                    epPorts.add(new EndpointPortInfo(portName, Protocol.TCP, 8080 + port));
                }
                boolean lb = b.type == ServiceType.LOAD_BALANCER;
                List<String> lbIps = lb ? List.of(ip(203, svcIndex)) : List.of();
                services.add(new ServiceInfo(ns, svcName, b.type, List.of(ip(96, svcIndex)), ports, List.of(), lbIps,
                        b.externalPolicy, TrafficPolicy.CLUSTER,
                        b.affinity ? SessionAffinity.CLIENT_IP : SessionAffinity.NONE, List.of(),
                        lb && b.externalPolicy == TrafficPolicy.LOCAL ? 32000 : 0, "", ""));
                List<EndpointInfo> current = new ArrayList<>();
                int sliceNo = 0;
                for (int j = 0; j < e; j++, epIndex++) {
                    current.add(EndpointInfo.ready(ip(128, epIndex), nodeName((int) (epIndex % p.nodes()))));
                    if (current.size() == ENDPOINTS_PER_SLICE || j == e - 1) {
                        slices.add(new EndpointSliceInfo(ns, svcName + "-" + sliceNo++, svcName, AddressType.IPV4,
                                epPorts, current));
                        current = new ArrayList<>();
                    }
                }
            }
        }
        KubeProxyConfig kp = new KubeProxyConfig(Optional.empty(), p.syncPeriodSeconds(), p.minSyncPeriodSeconds(),
                p.conntrack(), p.masqueradeAll(), p.localDetector() ? "10.128.0.0/9" : "", "", false);
        return new ClusterInventory(name, p.kubernetesVersion().toString(), services, slices, nodes, kp, 0, 100);
    }

    /** @return 10.{block}.x.y addressing for the n-th object, e.g. block 96 for ClusterIPs */
    public static String ip(int block, long n) {
        long v = n + 1;
        int second = block + (int) (v >> 16);
        return "10." + second + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
    }
}
