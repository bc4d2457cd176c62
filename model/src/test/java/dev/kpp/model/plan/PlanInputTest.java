package dev.kpp.model.plan;

import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.scenario.ScenarioOverrides;
import dev.kpp.model.scenario.ScenarioField;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.scenario.SyntheticCluster;
import dev.kpp.model.units.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PlanInputTest {
    private static InventoryBase base(int services, int endpoints) {
        ClusterInventory inv = SyntheticCluster.inventory(ScenarioParams.defaults().withServices(services)
                .withEndpointsPerService(endpoints).withShares(0.2, 0).withNodes(4), "x");
        return InventoryScenario.derive(inv, ScenarioParams.defaults());
    }

    @Test
    void anInventoryAsImportedIsNotScaled() {
        InventoryBase b = base(200, 3);
        PlanInput in = PlanInput.inventory("inventory:x", b);
        assertThat(in.servicesFactor()).isEqualTo(1);
        assertThat(in.endpointsFactor()).isEqualTo(1);
        assertThat(in.workload()).isSameAs(b.workload());
    }

    @Test
    void moreServicesScaleTheImportedWorkload() {
        InventoryBase b = base(200, 3);
        PlanInput in = PlanInput.inventory("inventory:x", b).withParams(b.params().withServices(600)
                .withEndpointsPerService(6));
        assertThat(in.servicesFactor()).isEqualTo(3);
        assertThat(in.endpointsFactor()).isEqualTo(2);
        assertThat(in.workload().servicePorts()).isEqualTo(3 * b.workload().servicePorts());
        assertThat(in.workload().meanEndpointsPerPort()).isCloseTo(6, within(1e-9));
    }

    @Test
    void theServiceMixIsFixedByAnInventory() {
        InventoryBase b = base(200, 3);
        PlanInput in = PlanInput.inventory("inventory:x", b);
        assertThatThrownBy(() -> in.withParams(b.params().withShares(0.5, 0)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo(InvalidValueException.Code.FIXED_BY_INVENTORY);
                    assertThat(e.field()).isEqualTo(ScenarioField.NODE_PORT_SHARE.id());
                });
    }

    @Test
    void anEmptyInventoryHasNothingToScale() {
        InventoryBase b = InventoryScenario.derive(ClusterInventory.empty("e"), ScenarioParams.defaults());
        assertThatThrownBy(() -> PlanInput.inventory("inventory:e", b).withParams(b.params().withServices(10)))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo(InvalidValueException.Code.NOTHING_TO_SCALE));
    }

    @Test
    void overridesApplyAtOnceSoTheirOrderNeverMatters() {
        ScenarioParams base = ScenarioParams.defaults().withShares(0, 0.5);
        // applied one at a time, 0.6 NodePort would first meet the base's 0.5 LoadBalancer and fail
        ScenarioOverrides o = ScenarioOverrides.none().with(ScenarioField.NODE_PORT_SHARE, 0.6)
                .with(ScenarioField.LOAD_BALANCER_SHARE, 0.3);
        ScenarioParams p = o.applyTo(base);
        assertThat(p.nodePortShare()).isEqualTo(0.6);
        assertThat(p.loadBalancerShare()).isEqualTo(0.3);
        assertThatThrownBy(() -> ScenarioOverrides.none().with(ScenarioField.NODE_PORT_SHARE, 0.7).applyTo(base))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo(InvalidValueException.Code.SUM_TOO_LARGE));
    }

    @Test
    void outOfRangeValuesNameTheFieldAndTheBounds() {
        assertThatThrownBy(() -> ScenarioParams.defaults().withServices(-3))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("services");
                    assertThat(e.code()).isEqualTo(InvalidValueException.Code.OUT_OF_RANGE);
                    assertThat(e.min()).isEqualTo("0");
                    assertThat(e.max()).isEqualTo("1000000");
                    assertThat(e.actual()).isEqualTo("-3");
                });
        assertThatThrownBy(() -> ScenarioOverrides.none().with(ScenarioField.SYNC_PERIOD, 0))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("syncPeriodSeconds"));
    }
}
