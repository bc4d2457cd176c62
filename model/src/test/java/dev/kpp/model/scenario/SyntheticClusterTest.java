package dev.kpp.model.scenario;

import dev.kpp.model.rules.ModeStructure;
import dev.kpp.model.rules.ModeStructures;
import dev.kpp.model.rules.StructureOptions;
import dev.kpp.model.rules.Workload;
import dev.kpp.model.rules.WorkloadBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticClusterTest {
    @ParameterizedTest
    @CsvSource({
        // services, ports, endpoints, nodeport, lb, local, affinity, nodes
        "100, 1, 10, 0, 0, 0, 0, 12",
        "250, 2, 3, 0.2, 0.1, 0.5, 0.2, 7",
        "97, 1, 25, 0.1, 0.3, 1.0, 0, 4",
        "40, 3, 1, 0, 0.5, 0.25, 1.0, 50",
        "10, 1, 0, 0.5, 0.5, 0, 0, 3"
    })
    void compactWorkloadEqualsTheMaterialisedInventorysWorkload(long services, int ports, int endpoints, double np,
                                                                double lb, double local, double affinity, int nodes) {
        ScenarioParams p = ScenarioParams.defaults().withServices(services).withPortsPerService(ports)
                .withEndpointsPerService(endpoints).withShares(np, lb).withExternalLocalShare(local)
                .withAffinityShare(affinity).withNodes(nodes);
        Workload compact = SyntheticCluster.workload(p);
        Workload materialised = WorkloadBuilder.fromInventory(SyntheticCluster.inventory(p, "t"), null);

        assertThat(materialised.nodeName()).isEqualTo(compact.nodeName());
        assertThat(materialised.servicePorts()).isEqualTo(compact.servicePorts()).isEqualTo(services * ports);
        StructureOptions options = StructureOptions.forVersion(p.kubernetesVersion());
        List<ModeStructure> a = ModeStructures.compute(compact, options);
        List<ModeStructure> b = ModeStructures.compute(materialised, options);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).counts()).as(a.get(i).mode().id()).isEqualTo(a.get(i).counts());
            assertThat(b.get(i).breakdown()).as(a.get(i).mode().id()).isEqualTo(a.get(i).breakdown());
            assertThat(b.get(i).clusterIp().mean()).isCloseTo(a.get(i).clusterIp().mean(),
                    org.assertj.core.api.Assertions.within(1e-6));
            assertThat(b.get(i).nodePort().worst()).isEqualTo(a.get(i).nodePort().worst());
        }
    }
}
