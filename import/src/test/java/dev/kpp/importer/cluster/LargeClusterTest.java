package dev.kpp.importer.cluster;

import dev.kpp.importer.Fixtures;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.KindProgress;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.scenario.ScenarioParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance case: a 10,000-Service / 100,000-endpoint cluster served page by page imports
 * live with progress, and equals in counts the offline import of a kubectl dump of the same objects.
 */
class LargeClusterTest {
    @TempDir
    Path dir;

    @Test
    void tenThousandServicesAndHundredThousandEndpointsEqualTheOfflineImport() throws Exception {
        ScenarioParams p = ScenarioParams.defaults().withServices(10_000).withEndpointsPerService(10).withNodes(100);
        Path dump = TestClusters.dump(dir, p);
        ImportResult offline = Fixtures.load(dump);
        try (MiniApiServer server = TestClusters.serve(dump)) {
            assertThat(server.size("/api/v1/services")).isEqualTo(10_000);
            Path kc = TestClusters.kubeconfig(dir, server.url(), "");
            TestClusters.Recorder rec = new TestClusters.Recorder();
            ImportResult live = new ClusterImporter(TestClusters.fast().withTimeouts(java.time.Duration.ofSeconds(10),
                    java.time.Duration.ofSeconds(60), java.time.Duration.ofSeconds(30))).importInventory(
                    TestClusters.request(kc, 500), rec, Cancellation.NEVER);
            assertThat(live.problems()).isEmpty();
            ClusterInventory a = live.inventory();
            ClusterInventory b = offline.inventory();
            assertThat(a.services()).hasSize(10_000).hasSameSizeAs(b.services());
            assertThat(a.endpointSlices()).hasSameSizeAs(b.endpointSlices());
            assertThat(a.endpointSlices().stream().mapToLong(s -> s.endpoints().size()).sum()).isEqualTo(100_000L)
                    .isEqualTo(b.endpointSlices().stream().mapToLong(s -> s.endpoints().size()).sum());
            assertThat(a.nodes()).hasSize(100).hasSameSizeAs(b.nodes());
            assertThat(a.namespaces()).isEqualTo(b.namespaces());
            assertThat(a.networkPolicies()).isEqualTo(b.networkPolicies());
            assertThat(a.kubeProxy()).isEqualTo(b.kubeProxy());
            assertThat(live.cluster().orElseThrow().kind("EndpointSlice").pages()).isEqualTo(20);
            // progress arrived page by page for the big kinds, with totals from remainingItemCount
            assertThat(rec.of("Service")).filteredOn(k -> k.phase() == KindProgress.Phase.LISTING).hasSize(19)
                    .allSatisfy(k -> assertThat(k.expected()).isEqualTo(10_000));
            assertThat(rec.of("EndpointSlice")).filteredOn(k -> k.phase() == KindProgress.Phase.LISTING).hasSize(19);
            assertThat(rec.lastCounts).containsEntry("services", 10_000L).containsEntry("nodes", 100L);
        }
    }
}
