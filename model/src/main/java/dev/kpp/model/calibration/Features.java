package dev.kpp.model.calibration;

import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.rules.ModeStructure;
import dev.kpp.model.rules.StructureOptions;
import dev.kpp.model.rules.ModeStructures;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.scenario.SyntheticCluster;
import dev.kpp.model.units.KubeVersion;

import java.util.List;

/**
 * Structural features of benchmark conditions: what the structural model says each measured
 * cluster looked like (rules a connection meets, sync objects). Calibration never fits these.
 */
final class Features {
    private Features() {
    }

    /** The structure of one mode for a synthetic cluster of Services of one type. */
    static ModeStructure structure(ProxyMode mode, long services, int endpoints, String version, boolean nodePort) {
        ScenarioParams p = ScenarioParams.defaults().withServices(services).withEndpointsPerService(endpoints)
                .withKubernetesVersion(KubeVersion.parse(version)).withNodes(Math.max(1, endpoints))
                .withShares(nodePort ? 1.0 : 0.0, 0.0);
        List<ModeStructure> all = ModeStructures.compute(SyntheticCluster.workload(p),
                StructureOptions.forVersion(p.kubernetesVersion()));
        return all.stream().filter(s -> s.mode() == mode).findFirst().orElseThrow();
    }

    /** Mean rules a new pod-to-ClusterIP connection meets. */
    static double rulesMean(ProxyMode mode, long services, int endpoints, String version) {
        return structure(mode, services, endpoints, version, false).clusterIp().mean();
    }

    /** Rules at quantile q for ClusterIP traffic. */
    static double rulesQuantile(ProxyMode mode, long services, int endpoints, String version, double q) {
        return structure(mode, services, endpoints, version, false).clusterIpDistribution().quantile(q);
    }

    /** Mean rules a new NodePort connection meets when every Service is a NodePort Service. */
    static double nodePortRulesMean(ProxyMode mode, long services, int endpoints, String version) {
        return structure(mode, services, endpoints, version, true).nodePort().mean();
    }

    /** Objects written by a full sync. */
    static double fullSyncObjects(ProxyMode mode, long services, int endpoints, String version) {
        return structure(mode, services, endpoints, version, false).syncObjectsFull();
    }

    /** Objects written by a partial sync (one Service changed). */
    static double partialSyncObjects(ProxyMode mode, long services, int endpoints, String version) {
        return structure(mode, services, endpoints, version, false).syncObjectsPartial();
    }
}
