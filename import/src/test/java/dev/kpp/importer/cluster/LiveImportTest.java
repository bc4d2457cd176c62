package dev.kpp.importer.cluster;

import dev.kpp.importer.Fixtures;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ClusterSource;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.KindProgress;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.scenario.ScenarioParams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kpp.importer.spi.ImportRequest;
import dev.kpp.importer.spi.ObservedMetrics;

import java.util.Optional;

/** A generated cluster served by {@link MiniApiServer}, imported live and compared with the offline import of its dump. */
class LiveImportTest {
    @TempDir
    static Path dir;
    static Path dump;
    static ScenarioParams params = ScenarioParams.defaults().withServices(600).withEndpointsPerService(7)
            .withNodes(12);

    @BeforeAll
    static void generate() throws Exception {
        dump = TestClusters.dump(dir, params);
    }

    @Test
    void liveSnapshotEqualsTheOfflineImportOfTheSameObjectsPageByPage() throws Exception {
        try (MiniApiServer server = TestClusters.serve(dump)) {
            Path kc = TestClusters.kubeconfig(dir, server.url(), "");
            TestClusters.Recorder rec = new TestClusters.Recorder();
            ImportResult live = new ClusterImporter(TestClusters.fast()).importInventory(
                    TestClusters.request(kc, 50), rec, Cancellation.NEVER);
            ImportResult offline = Fixtures.load(dump);

            assertThat(live.errors()).isEmpty();
            assertThat(live.problems()).isEmpty();
            ClusterInventory a = live.inventory();
            ClusterInventory b = offline.inventory();
            assertThat(a.services()).hasSameSizeAs(b.services()).hasSize(600);
            assertThat(a.endpointSlices()).hasSameSizeAs(b.endpointSlices());
            assertThat(a.endpointSlices().stream().mapToLong(s -> s.endpoints().size()).sum())
                    .isEqualTo(b.endpointSlices().stream().mapToLong(s -> s.endpoints().size()).sum())
                    .isEqualTo(600L * 7);
            assertThat(a.nodes()).hasSameSizeAs(b.nodes()).hasSize(12);
            assertThat(a.namespaces()).isEqualTo(b.namespaces());
            assertThat(a.networkPolicies()).isEqualTo(b.networkPolicies());
            assertThat(a.kubeProxy()).isEqualTo(b.kubeProxy());
            assertThat(a.kubernetesVersion()).isEqualTo(b.kubernetesVersion());
            assertThat(a.nodes()).extracting(n -> n.kernelVersion()).containsExactlyInAnyOrderElementsOf(
                    b.nodes().stream().map(n -> n.kernelVersion()).toList());
            assertThat(a.services()).containsExactlyInAnyOrderElementsOf(b.services());

            ClusterSource src = live.cluster().orElseThrow();
            assertThat(src.context()).isEqualTo("test");
            assertThat(src.server()).isEqualTo(server.url());
            assertThat(src.serverVersion()).isEqualTo("v1.31.2");
            assertThat(src.kind("Service").pages()).isEqualTo(12);
            assertThat(src.kind("Service").objects()).isEqualTo(600);
            assertThat(src.kinds()).allSatisfy(k -> assertThat(k.status()).isEqualTo(ClusterSource.Status.COMPLETE));
            assertThat(live.partial()).isFalse();

            // progress per page as pages arrive, with the expected total from remainingItemCount
            var services = rec.of("Service");
            assertThat(services).filteredOn(k -> k.phase() == KindProgress.Phase.LISTING).hasSize(11);
            assertThat(services.get(0).objects()).isEqualTo(50);
            assertThat(services.get(0).expected()).isEqualTo(600);
            assertThat(services.get(services.size() - 1).phase()).isEqualTo(KindProgress.Phase.DONE);
            assertThat(rec.lastCounts).containsEntry("services", 600L).containsEntry("nodes", 12L);
            // reported on the calling thread only
            assertThat(rec.threads).containsOnly(Thread.currentThread());
            // the token went to the server, never into the result
            assertThat(server.requests()).allSatisfy(r -> assertThat(r.authorization())
                    .isEqualTo("Bearer " + TestClusters.TOKEN));
        }
    }

    @Test
    void kubeProxyMetricsAreScrapedThroughTheNodeProxyFromTheAskedNumberOfNodes() throws Exception {
        try (MiniApiServer server = TestClusters.serve(dump)) {
            server.addText("/api/v1/nodes/node-00000:10249/proxy/metrics", """
                    # TYPE kubeproxy_sync_proxy_rules_duration_seconds histogram
                    kubeproxy_sync_proxy_rules_duration_seconds_bucket{le="0.1"} 3
                    kubeproxy_sync_proxy_rules_duration_seconds_bucket{le="+Inf"} 4
                    kubeproxy_sync_proxy_rules_duration_seconds_sum 0.5
                    kubeproxy_sync_proxy_rules_duration_seconds_count 4
                    kubeproxy_sync_proxy_rules_iptables_total{table="nat"} 4321
                    """);
            // node-00006 (the second of two spread over 12 nodes) has no reachable kube-proxy: 404 here
            Path kc = TestClusters.kubeconfig(dir, server.url(), "");
            ImportResult r = new ClusterImporter(TestClusters.fast()).importInventory(new ImportRequest.Cluster(
                    Optional.of("test"), Optional.of(kc), 500, 2, false), new TestClusters.Recorder(),
                    Cancellation.NEVER);
            assertThat(r.errors()).isEmpty();
            assertThat(r.metrics()).hasSize(1);
            ObservedMetrics m = r.metrics().get(0);
            assertThat(m.source()).isEqualTo("node/node-00000:10249/metrics");
            assertThat(m.value("kubeproxy_sync_proxy_rules_iptables_total{table=\"nat\"}")).isEqualTo(4321);
            assertThat(m.histogram(ObservedMetrics.SYNC_DURATION).count()).isEqualTo(4);
            assertThat(r.warnings()).extracting(p -> p.code() + " " + p.location()).containsExactly(
                    ClusterProblems.METRICS_UNAVAILABLE + " /api/v1/nodes/node-00006:10249/proxy/metrics");
            assertThat(server.requests()).filteredOn(q -> q.uri().contains("/proxy/")).hasSize(2);
        }
    }
}
