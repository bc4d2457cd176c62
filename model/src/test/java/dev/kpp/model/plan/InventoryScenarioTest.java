package dev.kpp.model.plan;

import dev.kpp.model.scenario.Samples;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.scenario.SyntheticCluster;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.rules.Workload;
import dev.kpp.model.rules.WorkloadBuilder;
import dev.kpp.model.units.KernelVersion;
import dev.kpp.model.units.KubeVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InventoryScenarioTest {
    private static final Planner PLANNER = new Planner(Calibration.embedded());

    @Test
    void derivesTheScenarioASyntheticInventoryWasBuiltFrom() {
        ScenarioParams p = ScenarioParams.defaults().withServices(300).withEndpointsPerService(6).withPortsPerService(2)
                .withShares(0.2, 0.1).withAffinityShare(0.1).withExternalLocalShare(0.5).withNodes(9)
                .withCoresPerNode(16).withKernel(KernelVersion.parse("5.15")).withKubernetesVersion(KubeVersion.parse("1.29"))
                .withSyncPeriods(60, 2).withRequestsPerSecond(5_000);
        ClusterInventory inv = SyntheticCluster.inventory(p, "x");
        Workload w = WorkloadBuilder.fromInventory(inv, null);
        InventoryBase base = InventoryScenario.derive(inv, ScenarioParams.defaults().withRequestsPerSecond(5_000));
        ScenarioParams d = base.params();
        assertThat(base.workload()).isEqualTo(w);
        assertThat(base.assumptions()).isEmpty();
        assertThat(d.services()).isEqualTo(300);
        assertThat(d.portsPerService()).isEqualTo(2);
        assertThat(d.endpointsPerService()).isEqualTo(6);
        assertThat(d.nodePortShare()).isCloseTo(0.2, within(1e-9));
        assertThat(d.loadBalancerShare()).isCloseTo(0.1, within(1e-9));
        assertThat(d.affinityShare()).isCloseTo(0.1, within(0.01));
        assertThat(d.externalLocalShare()).isCloseTo(0.5, within(0.01));
        assertThat(d.nodes()).isEqualTo(9);
        assertThat(d.coresPerNode()).isEqualTo(16);
        assertThat(d.kernel()).isEqualTo(KernelVersion.parse("5.15"));
        assertThat(d.kubernetesVersion()).isEqualTo(KubeVersion.parse("1.29"));
        assertThat(d.syncPeriodSeconds()).isEqualTo(60);
        assertThat(d.minSyncPeriodSeconds()).isEqualTo(2);
        assertThat(d.localDetector()).isTrue();
        assertThat(d.requestsPerSecond()).isEqualTo(5_000); // traffic comes from the base
        assertThat(PLANNER.predict(w, d)).isEqualTo(PLANNER.predict(SyntheticCluster.workload(p), d));
    }

    @Test
    void keepsTheBaseForWhatAnEmptyInventoryDoesNotSay() {
        ClusterInventory empty = ClusterInventory.empty("e");
        InventoryBase base = InventoryScenario.derive(empty, ScenarioParams.defaults());
        ScenarioParams d = base.params();
        assertThat(d.services()).isZero();
        assertThat(d.nodes()).isEqualTo(ScenarioParams.defaults().nodes());
        assertThat(d.kernel()).isEqualTo(ScenarioParams.defaults().kernel());
        // nothing is substituted silently: every default used is listed
        assertThat(base.assumptions()).extracting(Assumption::field).contains("nodes", "coresPerNode", "kernel",
                "kubernetesVersion", "kubeProxy");
        assertThat(base.assumptions()).filteredOn(a -> a.field().equals("nodes")).singleElement()
                .satisfies(a -> {
                    assertThat(a.code()).isEqualTo(Assumption.Code.DEFAULT_USED);
                    assertThat(a.used()).isEqualTo(Integer.toString(ScenarioParams.defaults().nodes()));
                });
    }
}
