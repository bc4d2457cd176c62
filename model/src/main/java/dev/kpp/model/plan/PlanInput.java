package dev.kpp.model.plan;

import dev.kpp.model.rules.Workload;
import dev.kpp.model.scenario.ScenarioField;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.scenario.SyntheticCluster;
import dev.kpp.model.units.InvalidValueException;

import java.util.List;
import java.util.Objects;

/**
 * What a plan is computed for: a synthetic cluster described by the scenario, or an imported
 * inventory scaled to the scenario's Services and endpoints (what-if growth). The one place where an
 * inventory is scaled, for the window, the CLI, sweeps, the advisor and reports alike.
 *
 * @param source    where the inputs came from, e.g. {@code sample:growth-4k}, {@code defaults},
 *                  {@code inventory:cluster.json}
 * @param params    the scenario
 * @param inventory the imported inventory, or null for a synthetic cluster
 */
public record PlanInput(String source, ScenarioParams params, InventoryBase inventory) {
    /** Inputs an inventory fixes: its Service mix. */
    public static final List<ScenarioField> FIXED_BY_INVENTORY = List.of(ScenarioField.PORTS_PER_SERVICE,
            ScenarioField.NODE_PORT_SHARE, ScenarioField.LOAD_BALANCER_SHARE, ScenarioField.EXTERNAL_LOCAL_SHARE,
            ScenarioField.AFFINITY_SHARE);

    public PlanInput {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(params, "params");
        if (inventory != null) {
            ScenarioParams base = inventory.params();
            check(ScenarioField.PORTS_PER_SERVICE, base.portsPerService(), params.portsPerService());
            check(ScenarioField.NODE_PORT_SHARE, base.nodePortShare(), params.nodePortShare());
            check(ScenarioField.LOAD_BALANCER_SHARE, base.loadBalancerShare(), params.loadBalancerShare());
            check(ScenarioField.EXTERNAL_LOCAL_SHARE, base.externalLocalShare(), params.externalLocalShare());
            check(ScenarioField.AFFINITY_SHARE, base.affinityShare(), params.affinityShare());
            if (inventory.proxiedServices() == 0 && params.services() > 0) {
                throw InvalidValueException.of(ScenarioField.SERVICES.id(),
                        InvalidValueException.Code.NOTHING_TO_SCALE, Long.toString(params.services()));
            }
            if (inventory.meanEndpoints() == 0 && params.endpointsPerService() > 0
                    && params.endpointsPerService() != base.endpointsPerService()) {
                throw InvalidValueException.of(ScenarioField.ENDPOINTS_PER_SERVICE.id(),
                        InvalidValueException.Code.NOTHING_TO_SCALE, Integer.toString(params.endpointsPerService()));
            }
        }
    }

    private static void check(ScenarioField field, double base, double requested) {
        if (Math.abs(base - requested) > 1e-9) {
            throw InvalidValueException.of(field.id(), InvalidValueException.Code.FIXED_BY_INVENTORY,
                    InvalidValueException.plain(requested));
        }
    }

    /** @return a synthetic cluster */
    public static PlanInput synthetic(String source, ScenarioParams params) {
        return new PlanInput(source, params, null);
    }

    /** @return an inventory as imported */
    public static PlanInput inventory(String source, InventoryBase inventory) {
        return new PlanInput(source, inventory.params(), inventory);
    }

    /** @return true for an imported inventory */
    public boolean fromInventory() {
        return inventory != null;
    }

    /** @return the inputs with another scenario (an inventory stays and is scaled to it) */
    public PlanInput withParams(ScenarioParams p) {
        return new PlanInput(source, p, inventory);
    }

    /** @return the inputs with one sweep input set to {@code v} */
    public PlanInput with(Sweep.Input input, double v) {
        return withParams(input.apply(params, v));
    }

    /** @return the Services scale factor relative to the inventory (1 for a synthetic cluster) */
    public double servicesFactor() {
        if (inventory == null || params.services() == inventory.params().services()) {
            return 1;
        }
        return params.services() / (double) inventory.proxiedServices();
    }

    /** @return the endpoints scale factor relative to the inventory (1 for a synthetic cluster) */
    public double endpointsFactor() {
        if (inventory == null || params.endpointsPerService() == inventory.params().endpointsPerService()
                || inventory.meanEndpoints() == 0) {
            return 1;
        }
        return params.endpointsPerService() / inventory.meanEndpoints();
    }

    /** @return the Service ports the prediction is for */
    public Workload workload() {
        if (inventory == null) {
            return SyntheticCluster.workload(params);
        }
        double sf = servicesFactor();
        double ef = endpointsFactor();
        return sf == 1 && ef == 1 ? inventory.workload() : inventory.workload().scaled(sf, ef);
    }

    /** @return what had to be assumed (empty for a synthetic cluster) */
    public List<Assumption> assumptions() {
        return inventory == null ? List.of() : inventory.assumptions();
    }
}
