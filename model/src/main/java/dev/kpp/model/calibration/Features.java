package dev.kpp.model.calibration;

import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.rules.ModeStructure;
import dev.kpp.model.rules.ModeStructures;
import dev.kpp.model.rules.StructureOptions;
import dev.kpp.model.rules.Workload;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.scenario.SyntheticCluster;
import dev.kpp.model.units.KubeVersion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Structural features of benchmark setups: what the structural model says each measured cluster looked like
 * (rules a connection meets, sync objects, transactions). Calibration never fits these; they are computed once per
 * setup and cached (a fit evaluates its model many times).
 */
final class Features {
    private static final Map<String, List<ModeStructure>> CACHE = new HashMap<>();

    private Features() {
    }

    /** A synthetic cluster of Services of one type, {@code endpoints} each spread over as many nodes. */
    static synchronized ModeStructure structure(ProxyMode mode, long services, int endpoints, KubeVersion version,
                                                boolean nodePort) {
        String key = services + "/" + endpoints + "/" + version + "/" + nodePort;
        List<ModeStructure> all = CACHE.get(key);
        if (all == null) {
            ScenarioParams p = ScenarioParams.defaults().withServices(services).withEndpointsPerService(endpoints)
                    .withKubernetesVersion(version).withNodes(Math.max(1, endpoints))
                    .withShares(nodePort ? 1.0 : 0.0, 0.0);
            Workload w = SyntheticCluster.workload(p);
            all = ModeStructures.compute(w, StructureOptions.forVersion(version));
            CACHE.put(key, all);
        }
        return all.stream().filter(s -> s.mode() == mode).findFirst().orElseThrow();
    }

    /** Rules in the tables a connection is evaluated against (the table-size term), as the cost engine counts them. */
    static double tableRules(ModeStructure s) {
        return dev.kpp.model.cost.CostEngine.tableRules(s);
    }
}
