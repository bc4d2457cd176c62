package dev.kpp.model.advice;

import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.NodeInfo;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Budgets;
import dev.kpp.model.plan.InventoryBase;
import dev.kpp.model.plan.InventoryScenario;
import dev.kpp.model.plan.MetricCatalog;
import dev.kpp.model.plan.Plan;
import dev.kpp.model.plan.PlanInput;
import dev.kpp.model.plan.Planner;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.scenario.SyntheticCluster;
import dev.kpp.model.units.KernelVersion;
import dev.kpp.model.units.KubeVersion;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class AdvisorTest {
    static final Planner PLANNER = new Planner(Calibration.embedded());
    static final Advisor ADVISOR = new Advisor(PLANNER);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static Recommendation advise(ScenarioParams p, Budgets budgets, Advisor.Options options) {
        Plan plan = PLANNER.plan(PlanInput.synthetic("test", p), budgets, () -> false);
        return ADVISOR.advise(plan, ClusterFacts.synthetic(p, Optional.empty()), options);
    }

    static Recommendation advise(ScenarioParams p) {
        return advise(p, MetricCatalog.defaultBudgets(), Advisor.Options.defaults(TODAY));
    }

    static ScenarioParams noKeepAlive(long services, String kernel, String version) {
        return ScenarioParams.defaults().withServices(services).withRequestsPerConnection(1)
                .withKernel(KernelVersion.parse(kernel)).withKubernetesVersion(KubeVersion.parse(version));
    }

    @Test
    void threeHundredServicesWithKeepAliveStayOnIptables() {
        Recommendation r = advise(ScenarioParams.defaults().withServices(300).withRequestsPerConnection(10));
        assertThat(r.action()).isEqualTo(Recommendation.Action.STAY);
        assertThat(r.mode()).isEqualTo(ProxyMode.IPTABLES);
        assertThat(r.reasons()).extracting(Finding::code).contains(Finding.Code.STAY_MEETS_BUDGETS,
                Finding.Code.KEEPALIVE_SHRINKS_COST, Finding.Code.IMPLICIT_MODE);
        // staying on an implicit default still gets a plan: pin the mode before the default changes
        assertThat(r.migration()).isNotNull();
        assertThat(r.migration().configDiff()).contains("+mode: \"iptables\"");
    }

    @Test
    void tenThousandServicesWithoutKeepAliveLeaveIptablesWhenItsConnectionCostDominates() {
        // 3,000 new connections/s on kernel 6.12: iptables' rule walks exceed the CPU budget, nftables' do not
        ScenarioParams p = noKeepAlive(10_000, "6.12", "1.33").withRequestsPerSecond(3_000);
        Recommendation r = advise(p);
        assertThat(r.mode()).isNotEqualTo(ProxyMode.IPTABLES);
        assertThat(r.action()).isEqualTo(Recommendation.Action.SWITCH);
        assertThat(r.migration().to()).isEqualTo(r.mode());
        assertThat(r.migration().configDiff()).contains("+mode: \"" + r.mode().id() + "\"");
        assertThat(r.reasons()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo(Finding.Code.EXCEEDS_BUDGET);
            assertThat(f.mode()).isEqualTo(ProxyMode.IPTABLES);
        });
    }

    @Test
    void onKernel61TheAdviceWeighsNftablesFullResyncsAndNamesTheKernelThatChangesThem() {
        ScenarioParams p = noKeepAlive(10_000, "6.1", "1.33");
        Recommendation r = advise(p);
        var nft = PLANNER.predict(p).mode(ProxyMode.NFTABLES);
        double budget = MetricCatalog.defaultBudgets().limit(dev.kpp.model.plan.Metric.CPU_CORES).orElseThrow();
        double cpu = dev.kpp.model.plan.Metric.CPU_CORES.of(nft).value();
        // the hourly full resync of nftables is minutes long on 6.1 at this size (NEW-011..015, 12-19 min for
        // 8,006 Services): it costs more CPU than the budget, so nftables is not the recommendation here
        assertThat(cpu).isGreaterThan(budget);
        {
            assertThat(r.mode()).isNotEqualTo(ProxyMode.NFTABLES);
            assertThat(r.reasons()).anySatisfy(f -> {
                assertThat(f.code()).isEqualTo(Finding.Code.EXCEEDS_BUDGET);
                assertThat(f.mode()).isEqualTo(ProxyMode.NFTABLES);
                assertThat((double) f.params().get("value")).isEqualTo(cpu);
            });
            assertThat(r.reasons()).anySatisfy(f -> {
                assertThat(f.code()).isIn(Finding.Code.FASTER_KERNEL, Finding.Code.FASTER_KERNEL_NOT_ENOUGH);
                assertThat(f.params()).containsEntry("kernel", "6.1").containsEntry("fastKernel", "6.12");
                assertThat((double) f.params().get("after")).isLessThan(cpu);
            });
        }
        // on the faster kernel the what-if is not offered again
        assertThat(advise(p.withKernel(KernelVersion.parse("6.12"))).reasons())
                .noneMatch(f -> f.code() == Finding.Code.FASTER_KERNEL);
    }

    @Test
    void theSameOnKernel418BlocksNftablesWithTheKernelReason() {
        Recommendation r = advise(noKeepAlive(10_000, "4.18", "1.33"));
        assertThat(r.mode()).isNotEqualTo(ProxyMode.NFTABLES);
        Recommendation.RankedMode nft = r.ranking().stream().filter(m -> m.mode() == ProxyMode.NFTABLES)
                .findFirst().orElseThrow();
        assertThat(nft.blocked()).isTrue();
        assertThat(r.checks()).anySatisfy(c -> {
            assertThat(c.code()).isEqualTo(Check.Code.NFTABLES_KERNEL);
            assertThat(c.status()).isEqualTo(Check.Status.BLOCK);
            assertThat(c.params()).containsEntry("minimum", "5.13").containsEntry("oldest", "4.18");
        });
        assertThat(r.reasons()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo(Finding.Code.BLOCKED);
            assertThat(f.mode()).isEqualTo(ProxyMode.NFTABLES);
            assertThat(f.params()).containsEntry("check", "nftables-kernel");
        });
    }

    @Test
    void recommendingIpvsOn135CarriesTheDeprecationRisk() {
        // a budget only IPVS meets on this kernel: iptables evaluates thousands of rules, nftables cannot run
        Budgets rules = Budgets.none().with(dev.kpp.model.plan.Metric.RULES_PER_CONNECTION, 1_000.0);
        Recommendation r = advise(noKeepAlive(10_000, "4.18", "1.35"), rules, Advisor.Options.defaults(TODAY));
        assertThat(r.mode()).isEqualTo(ProxyMode.IPVS);
        assertThat(r.risks()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo(Finding.Code.LIFECYCLE);
            assertThat(f.severity()).isEqualTo(Finding.Severity.HIGH);
            assertThat(f.params()).containsEntry("removed", "1.43");
        });
    }

    @Test
    void anImportedInventoryWithOnePoolOnAnOldKernelNamesThatPoolAndItsNodes() {
        ScenarioParams p = noKeepAlive(10_000, "6.1", "1.33").withNodes(8);
        ClusterInventory synthetic = SyntheticCluster.inventory(p.withServices(2_000), "x");
        List<NodeInfo> nodes = new ArrayList<>();
        for (int i = 0; i < synthetic.nodes().size(); i++) {
            NodeInfo n = synthetic.nodes().get(i);
            boolean legacy = i < 3;
            nodes.add(new NodeInfo(n.name(), n.cores(), n.memoryBytes(), legacy ? "4.18.0-553.el8_10.x86_64"
                    : "6.1.0-27-cloud-amd64", legacy ? "Red Hat Enterprise Linux 8.10" : "Debian 12",
                    n.kubeProxyVersion(), "v1.33.2", legacy ? "legacy-rhel8" : "general"));
        }
        ClusterInventory inv = new ClusterInventory("x", "1.33", synthetic.services(), synthetic.endpointSlices(),
                nodes, synthetic.kubeProxy(), 0, 1);
        InventoryBase base = InventoryScenario.derive(inv, ScenarioParams.defaults().withRequestsPerConnection(1));
        Plan plan = PLANNER.plan(PlanInput.inventory("inventory:x", base), MetricCatalog.defaultBudgets(),
                () -> false);
        Recommendation r = ADVISOR.advise(plan, ClusterFacts.of(inv, OptionalDouble.empty()),
                Advisor.Options.defaults(TODAY));
        Check kernel = r.checks().stream().filter(c -> c.code() == Check.Code.NFTABLES_KERNEL).findFirst().orElseThrow();
        assertThat(kernel.status()).isEqualTo(Check.Status.BLOCK);
        assertThat(kernel.nodes()).singleElement().satisfies(g -> {
            assertThat(g.pool()).isEqualTo("legacy-rhel8");
            assertThat(g.nodes()).isEqualTo(3);
            assertThat(g.kernelText()).startsWith("4.18");
        });
        assertThat(kernel.params()).containsEntry("failingNodes", 3L).containsEntry("nodes", 8L);
        Recommendation.RankedMode nft = r.ranking().stream().filter(m -> m.mode() == ProxyMode.NFTABLES)
                .findFirst().orElseThrow();
        assertThat(nft.blocked()).isTrue();
        assertThat(nft.risks()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo(Finding.Code.NODES_BLOCK_MODE);
            assertThat(f.nodes()).extracting(NodeGroup::pool).containsExactly("legacy-rhel8");
        });
        assertThat(r.reasons()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo(Finding.Code.BLOCKED);
            assertThat(f.nodes()).extracting(NodeGroup::pool, NodeGroup::nodes).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("legacy-rhel8", 3));
        });
    }
}
