package dev.kpp.importer.rules;

import dev.kpp.importer.Fixtures;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.RuleDumpSummary;
import dev.kpp.model.inventory.Protocol;
import dev.kpp.model.inventory.ServiceType;
import dev.kpp.model.inventory.TrafficPolicy;
import dev.kpp.model.rules.IptablesStructure;
import dev.kpp.model.rules.ModeStructure;
import dev.kpp.model.rules.ServicePortShape;
import dev.kpp.model.rules.StructureOptions;
import dev.kpp.model.rules.Workload;
import dev.kpp.model.units.KubeVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code iptables-nft-save-1.31.txt} holds the rules kube-proxy's {@code TestOverallIPTablesRules} expects
 * (kubernetes/kubernetes pkg/proxy/iptables/proxier_test.go, v1.31-era), framed as iptables-nft-save prints
 * them. The dump must import as a rule dump, with exact counts, and every chain family in it or in the model
 * must have the same number of rules in both.
 */
class IptablesNftSaveTest {
    private static final Path DUMP = Fixtures.resource("rules/iptables-nft-save-1.31.txt");

    /** The inventory of TestOverallIPTablesRules seen from test-node (svc1..svc6). */
    static Workload overall() {
        Map<ServicePortShape, Long> m = new LinkedHashMap<>();
        m.put(shape(ServiceType.CLUSTER_IP, false, 0, 0, 0, TrafficPolicy.CLUSTER, false, 1, 0, false), 1L);
        m.put(shape(ServiceType.LOAD_BALANCER, true, 1, 1, 0, TrafficPolicy.LOCAL, false, 1, 0, true), 1L);
        m.put(shape(ServiceType.NODE_PORT, true, 0, 0, 0, TrafficPolicy.CLUSTER, false, 1, 0, false), 1L);
        m.put(shape(ServiceType.NODE_PORT, false, 1, 0, 0, TrafficPolicy.CLUSTER, false, 2, 1, false), 1L);
        m.put(shape(ServiceType.LOAD_BALANCER, true, 0, 1, 1, TrafficPolicy.CLUSTER, true, 1, 0, false), 1L);
        m.put(shape(ServiceType.CLUSTER_IP, false, 0, 0, 0, TrafficPolicy.CLUSTER, false, 0, 0, false), 1L);
        return Workload.of(m, 0, 0, 0, "test-node");
    }

    private static ServicePortShape shape(ServiceType type, boolean nodePort, int ext, int lb, int ranges,
                                          TrafficPolicy etp, boolean affinity, int eps, int local, boolean hc) {
        return new ServicePortShape(type, Protocol.TCP, nodePort, ext, lb, ranges, etp, TrafficPolicy.CLUSTER,
                affinity, eps, local, hc);
    }

    private static IptablesDump parse() throws Exception {
        try (Reader r = Files.newBufferedReader(DUMP)) {
            return IptablesSaveParser.parse(DUMP.getFileName().toString(), r, Cancellation.NEVER);
        }
    }

    @Test
    void theImporterReadsAnIptablesNftSaveDumpWithExactCounts() {
        ImportResult r = Fixtures.load(DUMP);
        assertThat(r.errors()).isEmpty();
        assertThat(r.ruleDumps()).hasSize(1);
        RuleDumpSummary s = r.ruleDumps().get(0);
        assertThat(s.kind()).isEqualTo("iptables-save");
        // kube-proxy's 10 filter and 55 nat rules, plus the 11 filter and 3 nat jumps in built-in chains
        assertThat(s.count("filter/rules")).isEqualTo(21);
        assertThat(s.count("nat/rules")).isEqualTo(58);
        assertThat(s.count("mangle/rules")).isZero();
        assertThat(s.count("nat/KUBE-SERVICES")).isEqualTo(10);
        assertThat(s.count("nat/KUBE-NODEPORTS")).isEqualTo(6);
        assertThat(s.count("filter/KUBE-FIREWALL")).isEqualTo(1);
        assertThat(s.count("nat/KUBE-SEP-*")).isEqualTo(12);
        assertThat(s.count("nat/KUBE-SEP-*#chains")).isEqualTo(6);
        assertThat(s.count("nat/KUBE-SVC-*#chains")).isEqualTo(5);
    }

    @Test
    void everyChainFamilyInTheDumpOrTheModelHasTheSameRuleCount() throws Exception {
        IptablesDump dump = parse();
        ModeStructure model = IptablesStructure.compute(overall(),
                StructureOptions.forVersion(KubeVersion.parse("1.31")));
        TreeSet<String> families = new TreeSet<>(model.breakdown().keySet());
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
        assertThat(families).contains("filter/KUBE-FIREWALL", "nat/KUBE-NODEPORTS");
        assertThat(fromDump).isEqualTo(fromModel);
    }

    @Test
    void walkedNodePortConnectionsEqualTheModelIncludingTheLocalhostRules() throws Exception {
        IptablesDump dump = parse();
        ModeStructure model = IptablesStructure.compute(overall(),
                StructureOptions.forVersion(KubeVersion.parse("1.31")));
        List<IptablesConnectionCost.Cost> reached = IptablesConnectionCost.nodePorts(dump, "203.0.113.2",
                "192.168.0.2").stream().filter(c -> c.dnatShare() > 0.999).toList();
        // svc3 and svc5; svc2's external policy is Local and this node has none of its endpoints
        assertThat(reached).hasSize(2);
        double rules = reached.stream().mapToDouble(c -> c.natRulesRandomOrder() + c.filterRules()
                + c.postroutingRules()).average().orElseThrow();
        assertThat(rules).isCloseTo(model.nodePort().mean(), within(1e-6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"# Generated by iptables-legacy-save v1.8.9 on Sat Nov 21 10:00:00 2026",
        "# Generated by ip6tables-save v1.8.9 (nf_tables) on Sat Nov 21 10:00:00 2026",
        "# Generated by ip6tables-nft-save v1.8.10 (nf_tables) on Sat Nov 21 10:00:00 2026",
        "# Generated by ip6tables-legacy-save v1.8.7 on Sat Nov 21 10:00:00 2026"})
    void everySaveToolsHeaderIsRecognised(String header, @TempDir Path dir) throws Exception {
        Path f = dir.resolve("dump.txt");
        Files.writeString(f, header + "\n*nat\n:PREROUTING ACCEPT [0:0]\n:KUBE-SERVICES - [0:0]\n"
                + "-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\nCOMMIT\n");
        ImportResult r = Fixtures.load(f);
        assertThat(r.errors()).isEmpty();
        assertThat(r.ruleDumps()).singleElement().satisfies(s -> assertThat(s.count("nat/rules")).isEqualTo(1));
    }
}
