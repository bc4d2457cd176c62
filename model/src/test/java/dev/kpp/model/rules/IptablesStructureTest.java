package dev.kpp.model.rules;

import dev.kpp.model.inventory.ServiceType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IptablesStructureTest {
    private static ModeStructure current(int services, int endpoints, Fixtures.Spec spec) {
        return Fixtures.iptables(Fixtures.inventory(services, endpoints, spec), Fixtures.V1_26);
    }

    @Test
    void nodePortServiceAddsOneNodePortRuleAndAnExternalChain() {
        Fixtures.Spec np = new Fixtures.Spec(ServiceType.NODE_PORT, 0, 0, 0,
                dev.kpp.model.inventory.TrafficPolicy.CLUSTER, dev.kpp.model.inventory.SessionAffinity.NONE, false, "");
        ModeStructure cip = current(10, 3, Fixtures.Spec.clusterIp());
        ModeStructure nps = current(10, 3, np);
        assertThat(nps.breakdown().get("nat/KUBE-NODEPORTS")).isEqualTo(10);
        assertThat(nps.breakdown().get("nat/KUBE-EXT-*")).isEqualTo(20); // masquerade + jump per service
        assertThat(nps.count("nat") - cip.count("nat")).isEqualTo(30);
        assertThat(nps.count("natChains") - cip.count("natChains")).isEqualTo(10);
    }

    @Test
    void nodePortConnectionScansAllOfKubeServicesFirst() {
        Fixtures.Spec np = new Fixtures.Spec(ServiceType.NODE_PORT, 0, 0, 0,
                dev.kpp.model.inventory.TrafficPolicy.CLUSTER, dev.kpp.model.inventory.SessionAffinity.NONE, false, "");
        ModeStructure s = current(100, 1, np);
        long ks = s.count("kubeServicesLength");
        // every NodePort packet passes all of KUBE-SERVICES before KUBE-NODEPORTS
        assertThat(s.nodePort().mean()).isGreaterThan(ks);
        assertThat(s.nodePort().worst()).isGreaterThan(s.clusterIp().worst());
    }

    @Test
    void loadBalancerSourceRangesAddFirewallRulesPerRange() {
        Fixtures.Spec one = Fixtures.Spec.kubeProxyTestLoadBalancer();
        Fixtures.Spec three = new Fixtures.Spec(ServiceType.LOAD_BALANCER, 1, 1, 3, one.etp(), one.affinity(), false, "");
        ModeStructure a = current(5, 2, one);
        ModeStructure b = current(5, 2, three);
        assertThat(b.breakdown().get("nat/KUBE-FW-*") - a.breakdown().get("nat/KUBE-FW-*")).isEqualTo(10);
        assertThat(b.breakdown().get("filter/KUBE-PROXY-FIREWALL")).isEqualTo(5); // one DROP per LB IP
    }

    @Test
    void externalIpsAddOneKubeServicesRuleEach() {
        Fixtures.Spec two = new Fixtures.Spec(ServiceType.CLUSTER_IP, 2, 0, 0,
                dev.kpp.model.inventory.TrafficPolicy.CLUSTER, dev.kpp.model.inventory.SessionAffinity.NONE, false, "");
        ModeStructure s = current(4, 1, two);
        // 1 ClusterIP + 2 external IPs per service, plus the final KUBE-NODEPORTS jump
        assertThat(s.count("kubeServicesLength")).isEqualTo(4 * 3 + 1);
        assertThat(s.breakdown().get("nat/KUBE-EXT-*")).isEqualTo(4 * 2);
    }

    @Test
    void sessionAffinityAddsOneRecentRulePerEndpointAndIsScannedByNewConnections() {
        ModeStructure plain = current(10, 4, Fixtures.Spec.clusterIp());
        ModeStructure sticky = current(10, 4, Fixtures.Spec.clusterIp().withAffinity());
        assertThat(sticky.breakdown().get("nat/KUBE-SVC-*") - plain.breakdown().get("nat/KUBE-SVC-*")).isEqualTo(40);
        assertThat(sticky.clusterIp().mean() - plain.clusterIp().mean()).isEqualTo(4.0);
    }

    @Test
    void headlessExternalNameAndOtherProxyServicesWriteNoRules() {
        Fixtures.Spec headless = new Fixtures.Spec(ServiceType.CLUSTER_IP, 0, 0, 0,
                dev.kpp.model.inventory.TrafficPolicy.CLUSTER, dev.kpp.model.inventory.SessionAffinity.NONE, true, "");
        Fixtures.Spec other = new Fixtures.Spec(ServiceType.CLUSTER_IP, 0, 0, 0,
                dev.kpp.model.inventory.TrafficPolicy.CLUSTER, dev.kpp.model.inventory.SessionAffinity.NONE, false,
                "cilium");
        Workload h = WorkloadBuilder.fromInventory(Fixtures.inventory(7, 3, headless), null);
        Workload o = WorkloadBuilder.fromInventory(Fixtures.inventory(5, 3, other), null);
        assertThat(h.servicePorts()).isZero();
        assertThat(h.skippedHeadless()).isEqualTo(7);
        assertThat(o.servicePorts()).isZero();
        assertThat(o.skippedOtherProxy()).isEqualTo(5);
        assertThat(IptablesStructure.compute(h, Fixtures.V1_26).count("nat")).isEqualTo(5);
    }

    @Test
    void externalNameServicesAreCountedAndSkipped() {
        var base = Fixtures.inventory(0, 0, Fixtures.Spec.clusterIp());
        var extName = new dev.kpp.model.inventory.ServiceInfo("ns", "db", ServiceType.EXTERNAL_NAME, java.util.List.of(),
                java.util.List.of(), null, null, null, null, null, null, 0, "", "db.example.com");
        var inv = new dev.kpp.model.inventory.ClusterInventory("x", "1.30", java.util.List.of(extName),
                base.endpointSlices(), base.nodes(), base.kubeProxy(), 0, 1);
        Workload w = WorkloadBuilder.fromInventory(inv, null);
        assertThat(w.skippedExternalName()).isEqualTo(1);
        assertThat(w.servicePorts()).isZero();
    }

    @Test
    void servicesWithoutEndpointsGetFilterRejectsAndNoNatRules() {
        ModeStructure s = current(25, 0, Fixtures.Spec.clusterIp());
        assertThat(s.count("nat")).isEqualTo(5);
        assertThat(s.breakdown().get("filter/KUBE-SERVICES")).isEqualTo(25);
        assertThat(s.clusterIp()).isEqualTo(RuleCountStats.NONE);
    }

    @Test
    void legacyLayoutPutsTwoRulesPerClusterIpInKubeServices() {
        ModeStructure legacy = Fixtures.iptables(Fixtures.inventory(100, 5, Fixtures.Spec.clusterIp()), Fixtures.V1_19);
        ModeStructure current = current(100, 5, Fixtures.Spec.clusterIp());
        assertThat(legacy.count("kubeServicesLength")).isEqualTo(2 * 100 + 1);
        assertThat(current.count("kubeServicesLength")).isEqualTo(100 + 1);
        assertThat(legacy.clusterIp().worst()).isGreaterThan(current.clusterIp().worst() + 90);
    }

    @Test
    void externalTrafficPolicyLocalUsesLocalEndpointsOnly() {
        Fixtures.Spec lbLocal = Fixtures.Spec.kubeProxyTestLoadBalancer().withEtpLocal();
        // 4 endpoints on node-0..node-3: node-0 has exactly one local endpoint per service
        ModeStructure s = current(10, 4, lbLocal);
        assertThat(s.breakdown().get("nat/KUBE-SVL-*")).isEqualTo(10);
        assertThat(s.breakdown().get("filter/KUBE-NODEPORTS")).isEqualTo(10); // health-check node port ACCEPT
        // worst NodePort path: PREROUTING jump 1 + KUBE-SERVICES 30 + final jump 1 + 10th NodePort rule 10
        // + KUBE-EXT (pod shortcut, LOCAL masquerade, LOCAL route, jump) 4 + KUBE-SVL pick 1 + KUBE-SEP 2
        // + filter (4 FORWARD jumps, 10 firewall DROPs, 3 KUBE-FORWARD) 17 + POSTROUTING (jump, RETURN) 2;
        // Local policy keeps the client address, so the packet is not marked for masquerade
        assertThat(s.nodePort().worst()).isEqualTo(1 + 30 + 1 + 10 + 4 + 1 + 2 + 17 + 2);
    }

    @Test
    void partialSyncRewritesKubeServicesButOnlyOneServicesChains() {
        ModeStructure s = Fixtures.iptables(Fixtures.inventory(1000, 10, Fixtures.Spec.clusterIp()),
                StructureOptions.forVersion(dev.kpp.model.units.KubeVersion.parse("1.28")));
        assertThat(s.count("partialSync")).isEqualTo(1);
        assertThat(s.syncObjectsPartial()).isGreaterThan(1000).isLessThan(s.syncObjectsFull() / 10);
        ModeStructure old = Fixtures.iptables(Fixtures.inventory(1000, 10, Fixtures.Spec.clusterIp()), Fixtures.V1_19);
        assertThat(old.syncObjectsPartial()).isEqualTo(old.syncObjectsFull());
    }

    @Test
    void fullRestoreInputCountsChainDeclarationsAndRules() {
        // 1 service, 1 endpoint: filter 3 rules + 5 chain lines; nat 10 rules + 4 top chains + SVC + SEP
        ModeStructure s = current(1, 1, Fixtures.Spec.clusterIp());
        assertThat(s.syncObjectsFull()).isEqualTo(4 + 5 + 3 + (4 + 2) + 10);
    }
}
