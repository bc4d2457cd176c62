package dev.kpp.model.rules;

import dev.kpp.model.inventory.Protocol;
import dev.kpp.model.inventory.ServiceType;
import dev.kpp.model.inventory.TrafficPolicy;
import dev.kpp.model.units.KubeVersion;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory of kube-proxy's own {@code TestOverallIPTablesRules} and {@code TestOverallNFTablesRules}
 * (kubernetes/kubernetes pkg/proxy/iptables/proxier_test.go, v1.31-era with the nfacct localhost rules, and
 * pkg/proxy/nftables/proxier_test.go at commit 81810de6), seen from {@code test-node}. The expected numbers
 * are counted from the rulesets those tests assert, line by line; they are not produced by kpp.
 */
class KubeProxyTestExpectationsTest {
    private static final StructureOptions V1_31 = StructureOptions.forVersion(KubeVersion.parse("1.31"));

    private static ServicePortShape shape(ServiceType type, boolean nodePort, int ext, int lb, int ranges,
                                          TrafficPolicy etp, boolean affinity, int eps, int local, boolean hc) {
        return new ServicePortShape(type, Protocol.TCP, nodePort, ext, lb, ranges, etp, TrafficPolicy.CLUSTER,
                affinity, eps, local, hc);
    }

    /** svc1..svc6 of the two tests. */
    static Workload overallWorkload() {
        Map<ServicePortShape, Long> m = new LinkedHashMap<>();
        // svc1: ClusterIP, one remote endpoint
        m.put(shape(ServiceType.CLUSTER_IP, false, 0, 0, 0, TrafficPolicy.CLUSTER, false, 1, 0, false), 1L);
        // svc2: LoadBalancer, externalTrafficPolicy Local, external IP, health-check NodePort, no local endpoint
        m.put(shape(ServiceType.LOAD_BALANCER, true, 1, 1, 0, TrafficPolicy.LOCAL, false, 1, 0, true), 1L);
        // svc3: NodePort
        m.put(shape(ServiceType.NODE_PORT, true, 0, 0, 0, TrafficPolicy.CLUSTER, false, 1, 0, false), 1L);
        // svc4: type NodePort without an allocated NodePort, one external IP, two endpoints (one local)
        m.put(shape(ServiceType.NODE_PORT, false, 1, 0, 0, TrafficPolicy.CLUSTER, false, 2, 1, false), 1L);
        // svc5: LoadBalancer, Cluster policy, one source range, ClientIP affinity
        m.put(shape(ServiceType.LOAD_BALANCER, true, 0, 1, 1, TrafficPolicy.CLUSTER, true, 1, 0, false), 1L);
        // svc6: ClusterIP without endpoints
        m.put(shape(ServiceType.CLUSTER_IP, false, 0, 0, 0, TrafficPolicy.CLUSTER, false, 0, 0, false), 1L);
        return Workload.of(m, 0, 0, 0, "test-node");
    }

    @Test
    void iptablesCountsEqualTestOverallIpTablesRules() {
        ModeStructure s = IptablesStructure.compute(overallWorkload(), V1_31);
        Map<String, Long> b = s.breakdown();
        assertThat(b.get("filter/KUBE-NODEPORTS")).isEqualTo(1);
        assertThat(b.get("filter/KUBE-SERVICES")).isEqualTo(1);
        assertThat(b.get("filter/KUBE-EXTERNAL-SERVICES")).isEqualTo(3);
        assertThat(b.get("filter/KUBE-FIREWALL")).isEqualTo(1);
        assertThat(b.get("filter/KUBE-FORWARD")).isEqualTo(3);
        assertThat(b.get("filter/KUBE-PROXY-FIREWALL")).isEqualTo(1);
        assertThat(b.get("nat/KUBE-NODEPORTS")).isEqualTo(6); // localhost rule + jump for svc2, svc3, svc5
        assertThat(b.get("nat/KUBE-SERVICES")).isEqualTo(10);
        assertThat(b.get("nat/KUBE-EXT-*")).isEqualTo(9);
        assertThat(b.get("nat/KUBE-FW-*")).isEqualTo(2);
        assertThat(b.get("nat/KUBE-MARK-MASQ")).isEqualTo(1);
        assertThat(b.get("nat/KUBE-POSTROUTING")).isEqualTo(3);
        assertThat(b.get("nat/KUBE-SEP-*")).isEqualTo(12);
        assertThat(b.get("nat/KUBE-SVC-*")).isEqualTo(12);
        assertThat(b.get("nat/KUBE-SVL-*")).isZero();
        assertThat(s.count("filter")).isEqualTo(10);
        assertThat(s.count("nat")).isEqualTo(55);
        assertThat(s.count("filterChains")).isEqualTo(6);
        assertThat(s.count("natChains")).isEqualTo(20);
        // *filter, 6 chain lines, 10 rules, COMMIT, *nat, 20 chain lines, 55 rules, COMMIT
        assertThat(s.syncObjectsFull()).isEqualTo(95);
    }

    @Test
    void beforeKubeProxy131NodePortsHaveNoLocalhostRuleAndBefore127NoKubeFirewall() {
        ModeStructure v130 = IptablesStructure.compute(overallWorkload(),
                StructureOptions.forVersion(KubeVersion.parse("1.30")));
        ModeStructure v126 = IptablesStructure.compute(overallWorkload(),
                StructureOptions.forVersion(KubeVersion.parse("1.26")));
        ModeStructure off = IptablesStructure.compute(overallWorkload(), V1_31.withLocalhostNodePorts(false));
        assertThat(v130.breakdown().get("nat/KUBE-NODEPORTS")).isEqualTo(3);
        assertThat(v130.breakdown().get("filter/KUBE-FIREWALL")).isEqualTo(1);
        assertThat(v126.breakdown()).doesNotContainKey("filter/KUBE-FIREWALL");
        assertThat(off.breakdown()).doesNotContainKey("filter/KUBE-FIREWALL");
        assertThat(off.breakdown().get("nat/KUBE-NODEPORTS")).isEqualTo(3);
    }

    @Test
    void nodePortConnectionsWalkTheLocalhostRuleOfEveryEarlierNodePort() {
        ModeStructure with = IptablesStructure.compute(overallWorkload(), V1_31);
        ModeStructure without = IptablesStructure.compute(overallWorkload(), V1_31.withLocalhostNodePorts(false));
        // KUBE-NODEPORTS holds three entries (svc2, svc3, svc5; svc2 has no local endpoint and is dropped later):
        // a connection to svc3 or svc5 walks its own localhost rule and, in random order, one earlier entry's on
        // average
        assertThat(with.nodePort().mean() - without.nodePort().mean()).isEqualTo(2.0);
    }

    @Test
    void nftablesCountsEqualTestOverallNfTablesRules() {
        ModeStructure s = NftablesStructure.compute(overallWorkload(), V1_31);
        Map<String, Long> b = s.breakdown();
        assertThat(s.count("chains")).isEqualTo(32);
        assertThat(s.count("rules")).isEqualTo(57);
        assertThat(s.count("sets")).isEqualTo(8); // 7 named sets and maps + svc5's affinity set
        assertThat(b.get("rules/base")).isEqualTo(23);
        assertThat(b.get("rules/service-*")).isEqualTo(11);
        assertThat(b.get("rules/external-*")).isEqualTo(9);
        assertThat(b.get("rules/firewall-*")).isEqualTo(1);
        assertThat(b.get("rules/endpoint-*")).isEqualTo(13);
        assertThat(b.get("map/service-ips")).isEqualTo(9);
        assertThat(b.get("map/service-nodeports")).isEqualTo(3);
        assertThat(b.get("set/cluster-ips")).isEqualTo(6);
        // svc2 (externalTrafficPolicy Local, no local endpoint): its external IP, LB IP and NodePort drop; svc6
        // rejects
        assertThat(b.get("map/no-endpoint-services")).isEqualTo(3);
        assertThat(b.get("map/no-endpoint-nodeports")).isEqualTo(1);
        assertThat(b.get("map/firewall-ips")).isEqualTo(1);
        assertThat(b.get("set/nodeport-ips")).isEqualTo(1);
        assertThat(b.get("vmap/numgen (anonymous)")).isEqualTo(6);
        assertThat(s.count("setElements")).isEqualTo(24);
    }

    @Test
    void nftablesClientIpAffinityWalksEveryAffinityCheckAndTheUpdateRule() {
        Map<ServicePortShape, Long> plain = Map.of(
                shape(ServiceType.CLUSTER_IP, false, 0, 0, 0, TrafficPolicy.CLUSTER, false, 3, 0, false), 1L);
        Map<ServicePortShape, Long> sticky = Map.of(
                shape(ServiceType.CLUSTER_IP, false, 0, 0, 0, TrafficPolicy.CLUSTER, true, 3, 0, false), 1L);
        ModeStructure a = NftablesStructure.compute(Workload.of(plain, 0, 0, 0, ""), V1_31);
        ModeStructure b = NftablesStructure.compute(Workload.of(sticky, 0, 0, 0, ""), V1_31);
        // three "ip saddr @affinity-* goto endpoint-*" rules, then the endpoint chain's "update @affinity-*"
        assertThat(b.clusterIp().mean() - a.clusterIp().mean()).isEqualTo(4.0);
        assertThat(a.clusterIp().mean()).isEqualTo(15.0);
    }
}
