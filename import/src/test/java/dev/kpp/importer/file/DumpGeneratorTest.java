package dev.kpp.importer.file;

import dev.kpp.importer.Fixtures;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.ProgressListener;
import dev.kpp.model.rules.IptablesStructure;
import dev.kpp.model.rules.ShapeGroup;
import dev.kpp.model.rules.StructureOptions;
import dev.kpp.model.rules.Workload;
import dev.kpp.model.rules.WorkloadBuilder;
import dev.kpp.model.rules.ServicePortShape;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.scenario.SyntheticCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DumpGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void generatedDumpImportsToTheSyntheticClustersWorkload() throws IOException {
        ScenarioParams p = ScenarioParams.defaults().withServices(420).withEndpointsPerService(130)
                .withPortsPerService(2).withShares(0.2, 0.1).withAffinityShare(0.1).withExternalLocalShare(0.5)
                .withNodes(7);
        Path f = dir.resolve("gen.json");
        try (OutputStream out = Files.newOutputStream(f)) {
            DumpGenerator.write(p, out, ProgressListener.NONE, Cancellation.NEVER);
        }
        ImportResult r = Fixtures.load(f);
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().services()).hasSize(420);
        // 130 endpoints per service: slices of 100 and 30
        assertThat(r.inventory().endpointSlices()).hasSize(840);
        assertThat(r.inventory().endpointSlices()).allSatisfy(s -> assertThat(s.endpoints()).hasSizeLessThanOrEqualTo(100));

        Workload imported = WorkloadBuilder.fromInventory(r.inventory(), null);
        Workload synthetic = SyntheticCluster.workload(p);
        assertThat(asMap(imported)).isEqualTo(asMap(synthetic));
        StructureOptions o = StructureOptions.forVersion(p.kubernetesVersion());
        assertThat(IptablesStructure.compute(imported, o)).isEqualTo(IptablesStructure.compute(synthetic, o));
        assertThat(r.inventory().kubeProxy().syncPeriodSeconds()).isEqualTo(p.syncPeriodSeconds());
        assertThat(r.inventory().kubernetesVersion()).isEqualTo(p.kubernetesVersion().toString());
    }

    private static Map<ServicePortShape, Long> asMap(Workload w) {
        Map<ServicePortShape, Long> m = new HashMap<>();
        for (ShapeGroup g : w.groups()) {
            m.merge(g.shape(), g.count(), Long::sum);
        }
        return m;
    }
}
