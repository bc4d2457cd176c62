package dev.kpp.model.plan;

import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.rules.Workload;
import dev.kpp.model.scenario.ScenarioParams;

import java.util.List;

/**
 * An imported inventory made ready for planning, derived once: its workload (Service ports grouped by
 * shape), the scenario it describes and what had to be assumed. {@link PlanInput} scales the workload
 * to the Services and endpoints a what-if asks for.
 *
 * @param inventory       the inventory
 * @param workload        its Service ports, seen from its first node
 * @param params          the scenario it describes (traffic and Calico inputs from the defaults given)
 * @param proxiedServices Services kube-proxy programs (the workload's scale 1)
 * @param meanEndpoints   mean ready endpoints per Service port (the endpoints' scale 1)
 * @param assumptions     what the inventory left unsaid and what was used instead
 */
public record InventoryBase(ClusterInventory inventory, Workload workload, ScenarioParams params,
                            long proxiedServices, double meanEndpoints, List<Assumption> assumptions) {
    public InventoryBase {
        assumptions = List.copyOf(assumptions);
    }
}
