package dev.kpp.importer.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kpp.importer.snapshot.Provenance;
import dev.kpp.importer.snapshot.Snapshot;
import dev.kpp.importer.snapshot.SnapshotCodec;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ClusterSource;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportRequest;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.KindProgress;
import dev.kpp.model.scenario.ScenarioParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors a user can act on, against {@link MiniApiServer}'s scripted faults. */
class ClusterFailuresTest {
    @TempDir
    static Path shared;
    static Path dump;
    @TempDir
    Path dir;
    MiniApiServer server;
    Path kubeconfig;

    @BeforeAll
    static void generate() throws Exception {
        dump = TestClusters.dump(shared, ScenarioParams.defaults().withServices(300).withEndpointsPerService(3)
                .withNodes(6));
    }

    @BeforeEach
    void start() throws Exception {
        server = TestClusters.serve(dump);
        kubeconfig = TestClusters.kubeconfig(dir, server.url(), "");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ImportResult run(int pageSize) {
        return new ClusterImporter(TestClusters.fast()).importInventory(TestClusters.request(kubeconfig, pageSize),
                new TestClusters.Recorder(), Cancellation.NEVER);
    }

    private static List<String> codes(ImportResult r) {
        return r.problems().stream().map(ImportProblem::code).toList();
    }

    @Test
    void forbiddenKindsAreListedAndTheImportCompletesWithTheRest() {
        server.faults((uri, n) -> uri.startsWith("/api/v1/nodes") || uri.startsWith("/apis/networking.k8s.io")
                ? new MiniApiServer.Status(403, "nodes is forbidden: User \"jane\" cannot list resource \"nodes\"",
                Map.of()) : null);
        ImportResult r = run(100);
        assertThat(r.errors()).isEmpty();
        assertThat(r.cluster().orElseThrow().forbiddenKinds()).containsExactly("Node", "NetworkPolicy");
        assertThat(r.warnings()).filteredOn(p -> p.code().equals(ClusterProblems.FORBIDDEN)).hasSize(2)
                .first().satisfies(p -> {
                    assertThat(p.source()).isEqualTo(server.url());
                    assertThat(p.location()).isEqualTo("/api/v1/nodes");
                    assertThat(p.detail()).contains("cannot list resource \"nodes\"");
                });
        assertThat(r.inventory().services()).hasSize(300);
        assertThat(r.inventory().nodes()).isEmpty();
        assertThat(r.partial()).isFalse();
    }

    @Test
    void anExpiredContinueTokenRestartsTheKindOnceAndTheListRecovers() {
        AtomicBoolean expired = new AtomicBoolean();
        server.faults((uri, n) -> {
            if (uri.startsWith("/api/v1/services?") && uri.contains("continue=") && expired.compareAndSet(false, true)) {
                server.expireContinueTokens("/api/v1/services");
            }
            return null;
        });
        ImportResult r = run(50);
        assertThat(r.errors()).isEmpty();
        assertThat(codes(r)).containsExactly(ClusterProblems.LIST_RESTARTED);
        assertThat(r.inventory().services()).hasSize(300);
        ClusterSource.KindOutcome svc = r.cluster().orElseThrow().kind("Service");
        assertThat(svc.restarts()).isEqualTo(1);
        assertThat(svc.status()).isEqualTo(ClusterSource.Status.COMPLETE);
        assertThat(svc.pages()).isEqualTo(6);
    }

    @Test
    void aSecondExpiredTokenFailsTheKindWithAClearError() {
        server.faults((uri, n) -> {
            if (uri.startsWith("/api/v1/services?") && uri.contains("continue=")) {
                server.expireContinueTokens("/api/v1/services");
            }
            return null;
        });
        ImportResult r = run(50);
        ImportProblem p = r.errors().get(0);
        assertThat(p.code()).isEqualTo(ClusterProblems.LIST_EXPIRED);
        assertThat(p.detail()).contains("Service").contains("--page-size");
        assertThat(r.cluster().orElseThrow().incompleteKinds()).containsExactly("Service");
        assertThat(r.partial()).isTrue();
    }

    @Test
    void tooManyRequestsAndServerErrorsAreRetriedWithBackoff() {
        server.faults((uri, n) -> {
            if (uri.startsWith("/api/v1/services?") && n < 2) {
                return new MiniApiServer.Status(n == 0 ? 429 : 500, "slow down", Map.of("Retry-After", "0"));
            }
            if (uri.startsWith("/api/v1/nodes") && n < 1) {
                return new MiniApiServer.Status(503, "etcd leader changed", Map.of());
            }
            return null;
        });
        ImportResult r = run(100);
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().services()).hasSize(300);
        assertThat(r.cluster().orElseThrow().kind("Service").retries()).isEqualTo(2);
        assertThat(r.cluster().orElseThrow().kind("Node").retries()).isEqualTo(1);
    }

    @Test
    void persistentServerErrorsEndAfterTheBoundedRetries() {
        server.faults((uri, n) -> uri.startsWith("/apis/discovery.k8s.io/v1/endpointslices")
                ? new MiniApiServer.Status(503, "the server is currently unable to handle the request", Map.of())
                : null);
        ImportResult r = run(100);
        ImportProblem p = r.errors().get(0);
        assertThat(p.code()).isEqualTo(ClusterProblems.SERVER_ERROR);
        assertThat(p.detail()).isEqualTo("HTTP 503: the server is currently unable to handle the request");
        assertThat(p.location()).isEqualTo("/apis/discovery.k8s.io/v1/endpointslices?limit=100");
        long tries = server.requests().stream().filter(q -> q.uri().startsWith("/apis/discovery.k8s.io/v1/")).count();
        assertThat(tries).isEqualTo(4);
        assertThat(r.cluster().orElseThrow().incompleteKinds()).containsExactly("EndpointSlice");
    }

    @Test
    void aConnectionDroppedMidListIsRetriedWithoutCountingThePageTwice() {
        server.faults((uri, n) -> uri.startsWith("/apis/discovery.k8s.io/v1/endpointslices?") && uri.contains(
                "continue=") && n == 1 ? new MiniApiServer.Drop(3000) : null);
        ImportResult r = run(100);
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().endpointSlices()).hasSize(300);
        assertThat(r.cluster().orElseThrow().kind("EndpointSlice").retries()).isEqualTo(1);
    }

    @Test
    void aStalledResponseTimesOutAndIsRetried() {
        server.faults((uri, n) -> uri.startsWith("/api/v1/services?") && n == 0
                ? new MiniApiServer.Stall(2000, 5000) : null);
        ImportResult r = run(100);
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().services()).hasSize(300);
        assertThat(r.cluster().orElseThrow().kind("Service").retries()).isEqualTo(1);
    }

    @Test
    void aServerThatAlwaysStallsFailsTheKindAsATimeout() {
        server.faults((uri, n) -> uri.startsWith("/api/v1/services?") ? new MiniApiServer.Stall(100, 3000) : null);
        ImportResult r = run(100);
        ImportProblem p = r.errors().get(0);
        assertThat(p.code()).isEqualTo(ClusterProblems.TIMEOUT);
        assertThat(p.detail()).isEqualTo("the response stalled: no data for 1 s");
    }

    @Test
    void rejectedCredentialsStopTheImportAndKeepNothing() {
        server.requireToken("another-token");
        ImportResult r = run(100);
        assertThat(codes(r)).containsExactly(ClusterProblems.UNAUTHORIZED);
        assertThat(r.errors().get(0).source()).isEqualTo(server.url());
        assertThat(r.inventory().services()).isEmpty();
        assertThat(r.sources()).isEmpty();
    }

    @Test
    void anUnreachableServerFailsWithinTheBoundNamingTheServerAndTheCause() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path kc = TestClusters.kubeconfig(dir, "closed", "http://127.0.0.1:" + port, "", "    token: x\n");
        ImportResult r = new ClusterImporter(TestClusters.fast()).importInventory(TestClusters.request(kc, 100),
                new TestClusters.Recorder(), Cancellation.NEVER);
        ImportProblem p = r.errors().get(0);
        assertThat(p.code()).isEqualTo(ClusterProblems.UNREACHABLE);
        assertThat(p.source()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(p.detail()).startsWith("cannot connect to http://127.0.0.1:" + port + ": ").contains("refused");
        // two connect attempts with a short pause, not the retries for server errors
        assertThat(r.cluster().orElseThrow().elapsed().toSeconds()).isLessThan(10);

        Path unknown = TestClusters.kubeconfig(dir, "unknown", "https://kpp-no-such-host.invalid:6443", "",
                "    token: x\n");
        ImportResult u = new ClusterImporter(TestClusters.fast()).importInventory(TestClusters.request(unknown, 100),
                new TestClusters.Recorder(), Cancellation.NEVER);
        assertThat(u.errors().get(0).code()).isEqualTo(ClusterProblems.UNREACHABLE);
        assertThat(u.errors().get(0).detail()).startsWith("cannot resolve the host of https://kpp-no-such-host.invalid:6443");
    }

    @Test
    void cancelStopsWithinOnePageAndKeepsNothingUnlessAsked() {
        for (boolean keep : new boolean[] {false, true}) {
            server.close();
            try {
                server = TestClusters.serve(dump);
                kubeconfig = TestClusters.kubeconfig(dir, server.url(), "");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            AtomicBoolean cancel = new AtomicBoolean();
            TestClusters.Recorder rec = new TestClusters.Recorder();
            int[] servicePagesAtCancel = {-1};
            rec.onKind = () -> {
                List<KindProgress> s = rec.of("Service");
                if (!s.isEmpty() && s.get(s.size() - 1).pages() >= 2 && !cancel.get()) {
                    servicePagesAtCancel[0] = s.get(s.size() - 1).pages();
                    cancel.set(true);
                }
            };
            server.faults((uri, n) -> {
                try {
                    Thread.sleep(uri.startsWith("/api/v1/services") ? 150 : 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            });
            ImportResult r = new ClusterImporter(TestClusters.fast()).importInventory(new ImportRequest.Cluster(
                    Optional.of("test"), Optional.of(kubeconfig), 20, 0, keep), rec, cancel::get);
            assertThat(r.cancelled()).isTrue();
            assertThat(r.partial()).isTrue();
            long requested = server.requests().stream().filter(q -> q.uri().startsWith("/api/v1/services")).count();
            assertThat(requested).isLessThanOrEqualTo(servicePagesAtCancel[0] + 1L);
            assertThat(r.warnings()).extracting(ImportProblem::code).contains("cancelled");
            if (keep) {
                assertThat(r.inventory().services()).hasSizeGreaterThanOrEqualTo(servicePagesAtCancel[0] * 20)
                        .hasSizeLessThan(300);
                assertThat(r.inventory().services().size() % 20).isZero();
            } else {
                assertThat(r.inventory().services()).isEmpty();
                assertThat(r.sources()).isEmpty();
            }
        }
    }

    @Test
    void credentialsNeverAppearInProblemsResultsOrSnapshots() throws Exception {
        server.faults((uri, n) -> uri.startsWith("/api/v1/nodes") ? new MiniApiServer.Status(403,
                "forbidden for token " + TestClusters.TOKEN, Map.of()) : uri.startsWith("/apis/networking")
                ? new MiniApiServer.Status(400, "Authorization: Bearer " + TestClusters.TOKEN, Map.of()) : null);
        ImportResult r = run(100);
        assertThat(r.problems()).hasSize(2);
        ClusterSource c = r.cluster().orElseThrow();
        Snapshot s = new Snapshot(new Provenance("t", r.importedAt(), c.context(), false, r.partial(), r.sources(),
                c.server(), c.serverVersion()), r.inventory(), r.metrics(), r.ruleDumps(), r.skippedKinds());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotCodec.write(s, out);
        String all = out.toString(StandardCharsets.UTF_8) + r.problems().stream().map(ImportProblem::describe).toList()
                + new ObjectMapper().writeValueAsString(c.kinds());
        assertThat(all).doesNotContain(TestClusters.TOKEN).doesNotContain(TestClusters.TOKEN.substring(0, 20))
                .contains("\"kubeContext\":\"test\"").contains("\"kubeServer\":\"" + server.url() + "\"");
    }
}
