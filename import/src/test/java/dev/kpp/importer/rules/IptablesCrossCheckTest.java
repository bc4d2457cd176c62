package dev.kpp.importer.rules;

import dev.kpp.importer.spi.RuleDumpSummary;

import dev.kpp.importer.Fixtures;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.rules.IptablesStructure;
import dev.kpp.model.rules.ModeStructure;
import dev.kpp.model.rules.StructureOptions;
import dev.kpp.model.rules.Workload;
import dev.kpp.model.rules.WorkloadBuilder;
import dev.kpp.model.units.KubeVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The acceptance cross-check: {@code iptables-save-1.28.txt} is the ruleset kube-proxy 1.26+ writes
 * (pkg/proxy/iptables/proxier.go, in iptables-save's own format) for the inventory in
 * {@code file/cluster.json}, seen from node-a. Rules per new connection computed by walking that
 * ruleset must equal the structural model's prediction for the same inventory, compared like with
 * like (nat side, filter side).
 */
class IptablesCrossCheckTest {
    static final String POD_IP = "10.99.0.5";       // inside clusterCIDR 10.0.0.0/8, not an endpoint
    static final String CLIENT_IP = "192.0.2.200";  // outside the cluster and the LB source range
    static final String NODE_IP = "192.0.2.10";

    static IptablesDump dump;
    static ModeStructure model;

    @BeforeAll
    static void load() throws Exception {
        try (Reader r = Files.newBufferedReader(Fixtures.resource("rules/iptables-save-1.28.txt"))) {
            dump = IptablesSaveParser.parse("iptables-save-1.28.txt", r, Cancellation.NEVER);
        }
        ClusterInventory inv = Fixtures.load(Fixtures.resource("file/cluster.json")).inventory();
        Workload w = WorkloadBuilder.fromInventory(inv, null);
        StructureOptions o = new StructureOptions(KubeVersion.parse(inv.kubernetesVersion()),
                inv.kubeProxy().masqueradeAll(), inv.kubeProxy().localDetectorImplemented(), 1,
                StructureOptions.DEFAULT_EBPF_LB_MAP_MAX);
        model = IptablesStructure.compute(w, o);
    }

    /** The model's filter-table evaluations per new forwarded, unmarked connection (the filterEval term). */
    static double modelFilterEval() {
        Map<String, Long> b = model.breakdown();
        return 4 + b.get("filter/KUBE-PROXY-FIREWALL") + b.get("filter/KUBE-FORWARD") + b.get("filter/KUBE-SERVICES")
                + b.get("filter/KUBE-EXTERNAL-SERVICES");
    }

    @Test
    void dumpParsesToTheExpectedTablesAndChains() {
        assertThat(dump.tables()).containsExactly("mangle", "filter", "nat");
        assertThat(dump.ruleCount("nat", "KUBE-SERVICES")).isEqualTo(10);
        assertThat(dump.ruleCount("nat", "KUBE-NODEPORTS")).isEqualTo(2);
        assertThat(dump.chainCount("nat", "KUBE-SVC-")).isEqualTo(8);
        assertThat(dump.chainCount("nat", "KUBE-SEP-")).isEqualTo(19);
        assertThat(dump.ruleCount("filter", "KUBE-SERVICES")).isEqualTo(1);
        RuleDumpSummary s = dump.summary();
        assertThat(s.count("nat/KUBE-SEP-*")).isEqualTo(38);
        assertThat(s.count("nat/KUBE-SEP-*#chains")).isEqualTo(19);
    }

    @Test
    void ruleCountsOfEveryChainFamilyInTheDumpOrTheModelAreEqual() {
        // the union of families: a chain kube-proxy writes that the model does not know (KUBE-FIREWALL, say)
        // fails here just like a family the model invents
        java.util.TreeSet<String> families = new java.util.TreeSet<>(model.breakdown().keySet());
        for (String table : List.of("filter", "nat")) {
            for (String chain : dump.chains(table)) {
                if (chain.startsWith("KUBE-") && !chain.endsWith("-CANARY")) {
                    families.add(table + "/" + IptablesDump.family(chain));
                }
            }
        }
        Map<String, Long> fromDump = new LinkedHashMap<>();
        Map<String, Long> fromModel = new LinkedHashMap<>();
        for (String key : families) {
            String table = key.substring(0, key.indexOf('/'));
            fromDump.put(key, dump.ruleCount(table, key.substring(key.indexOf('/') + 1)));
            fromModel.put(key, model.breakdown().getOrDefault(key, 0L));
        }
        // includes the target-less "other traffic ... will be dropped by KUBE-PROXY-FIREWALL" rule that ends
        // every KUBE-FW-* chain from kube-proxy 1.27 on, and the filter KUBE-FIREWALL chain of 1.27+
        assertThat(families).contains("filter/KUBE-FIREWALL");
        assertThat(fromDump).isEqualTo(fromModel);
    }

    @Test
    void clusterIpRulesPerConnectionFromTheDumpEqualTheModel() {
        List<IptablesConnectionCost.Cost> costs = IptablesConnectionCost.clusterIp(dump, POD_IP);
        assertThat(costs).hasSize(8); // svc6 has no endpoints: no nat rule, a filter REJECT
        assertThat(costs).allSatisfy(c -> assertThat(c.dnatShare()).isCloseTo(1.0, within(1e-9)));
        double nat = costs.stream().mapToDouble(IptablesConnectionCost.Cost::natRulesRandomOrder).average().orElseThrow();
        double filter = costs.stream().mapToDouble(IptablesConnectionCost.Cost::filterRules).average().orElseThrow();

        double post = costs.stream().mapToDouble(IptablesConnectionCost.Cost::postroutingRules).average().orElseThrow();
        assertThat(filter).isCloseTo(modelFilterEval(), within(1e-9));
        assertThat(post).isCloseTo(2, within(1e-9));
        assertThat(nat + filter + post).isCloseTo(model.clusterIp().mean(), within(1e-6));
    }

    @Test
    void aSingleServicesWalkMatchesItsChains() {
        IptablesConnectionCost.Cost svc2 = IptablesConnectionCost.clusterIp(dump, POD_IP).stream()
                .filter(c -> c.servicePort().equals("ns2/svc2:p80")).findFirst().orElseThrow();
        // PREROUTING jump + 5 rules scanned in KUBE-SERVICES + masquerade check + (1+2+3)/3 probability
        // rules + the two KUBE-SEP rules
        assertThat(svc2.rulesBefore()).isEqualTo(4);
        assertThat(svc2.natRules()).isCloseTo(1 + 5 + 1 + 2 + 2, within(1e-6));
        // unmarked pod traffic: POSTROUTING jump + the RETURN in KUBE-POSTROUTING
        assertThat(svc2.postroutingRules()).isCloseTo(2, within(1e-9));
    }

    @Test
    void nodePortRulesPerConnectionFromTheDumpEqualTheModel() {
        List<IptablesConnectionCost.Cost> costs = IptablesConnectionCost.nodePorts(dump, CLIENT_IP, NODE_IP);
        assertThat(costs).hasSize(2);
        double nat = costs.stream().mapToDouble(IptablesConnectionCost.Cost::natRulesRandomOrder).average().orElseThrow();
        double filter = costs.stream().mapToDouble(IptablesConnectionCost.Cost::filterRules).average().orElseThrow();
        double post = costs.stream().mapToDouble(IptablesConnectionCost.Cost::postroutingRules).average().orElseThrow();
        // marked for masquerade: KUBE-FORWARD's mark rule accepts, so filter stops early, and the whole
        // KUBE-POSTROUTING chain runs (jump + 3 rules)
        Map<String, Long> b = model.breakdown();
        assertThat(filter).isCloseTo(2 + b.get("filter/KUBE-PROXY-FIREWALL") + 2, within(1e-9));
        assertThat(post).isCloseTo(4, within(1e-9));
        assertThat(nat + filter + post).isCloseTo(model.nodePort().mean(), within(1e-6));
    }

    @Test
    void probabilityRulesGiveAnExactUniformEndpointChoice() throws IOException {
        IptablesWalker walker = new IptablesWalker(dump);
        IptablesWalker.Walk w = walker.walk("nat", "PREROUTING",
                new IptablesWalker.Packet(POD_IP, false, "172.30.0.47", false, "tcp", 443), false, false);
        assertThat(w.branches()).hasSize(4);
        assertThat(w.share("DNAT")).isCloseTo(1, within(1e-9));
        assertThat(w.branches()).allSatisfy(b -> assertThat(b.probability()).isCloseTo(0.25, within(1e-9)));
        assertThat(w.branches()).extracting(IptablesWalker.Branch::dnatTo).containsExactlyInAnyOrder(
                "10.180.0.7:8443", "10.180.1.7:8443", "10.180.2.7:8443", "10.180.3.7:8443");
    }

    @Test
    void theDumpSummaryKeepsTheWalkedPerConnectionCountsBesideTheModel() {
        RuleDumpSummary sum = dump.summary();
        // the pod address comes from the dump's own masquerade rule (! -s 10.0.0.0/8)
        assertThat(dump.podAddress()).isEqualTo("10.0.0.5");
        assertThat(sum.count("walk/clusterIp/ports")).isEqualTo(8);
        assertThat(sum.count("walk/clusterIp/walked")).isEqualTo(8);
        assertThat(sum.count("walk/clusterIp/meanMilli") / 1000.0).isCloseTo(model.clusterIp().mean(), within(0.001));
        // the model's worst case puts the largest shape last; the dump's last port is one shape among them
        assertThat(sum.count("walk/clusterIp/worst")).isPositive().isLessThanOrEqualTo(model.clusterIp().worst());
        assertThat(sum.count("walk/clusterIp/p50")).isLessThanOrEqualTo(sum.count("walk/clusterIp/worst"));
        assertThat(sum.count("walk/nodePort/meanMilli") / 1000.0).isCloseTo(model.nodePort().mean(), within(0.001));
        assertThat(sum.count("walk/nodePort/ports")).isEqualTo(2);
    }

    @Test
    void aLargeChainIsSampledEvenlyWithItsFirstAndLastPort() {
        boolean[] k = IptablesConnectionCost.keep(10_000, 1_000);
        int kept = 0;
        for (boolean b : k) {
            kept += b ? 1 : 0;
        }
        assertThat(kept).isEqualTo(1_000);
        assertThat(k[0]).isTrue();
        assertThat(k[9_999]).isTrue();
        assertThat(IptablesConnectionCost.keep(5, 1_000)).containsOnly(true);
        assertThat(IptablesDump.insideOf("10.128.0.0/9")).isEqualTo("10.128.0.5");
    }
}
