package dev.kpp.importer.cluster;

import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ClusterSource;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportResult;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** fabric8's KubernetesMockServer in expectations mode: statuses, continue tokens, slow answers, TLS. */
@EnableKubernetesMockClient
class MockServerExpectationsTest {
    KubernetesMockServer server;
    @TempDir
    Path dir;
    Path kubeconfig;

    @BeforeEach
    void setUp() throws Exception {
        kubeconfig = TestClusters.kubeconfig(dir, server.url("/").replaceAll("/$", ""),
                "insecure-skip-tls-verify: true");

    }

    private static String list(String kind, String cont, String... items) {
        return "{\"kind\":\"" + kind + "List\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"7\""
                + (cont.isEmpty() ? "" : ",\"continue\":\"" + cont + "\"") + "},\"items\":[" + String.join(",", items)
                + "]}";
    }

    private static String service(String ns, String name) {
        return "{\"metadata\":{\"namespace\":\"" + ns + "\",\"name\":\"" + name + "\"},\"spec\":{\"type\":\"ClusterIP\","
                + "\"clusterIP\":\"10.96.0.1\",\"ports\":[{\"port\":443,\"protocol\":\"TCP\"}]}}";
    }

    private void emptyLists(String... except) {
        java.util.Set<String> skip = java.util.Set.of(except);
        String[][] all = {{"/api/v1/namespaces", "Namespace"}, {"/api/v1/nodes", "Node"},
            {"/api/v1/services", "Service"}, {"/apis/discovery.k8s.io/v1/endpointslices", "EndpointSlice"},
            {"/apis/networking.k8s.io/v1/networkpolicies", "NetworkPolicy"}};
        for (String[] k : all) {
            if (!skip.contains(k[1])) {
                server.expect().get().withPath(k[0] + "?limit=2").andReturn(200, list(k[1], "")).always();
            }
        }
    }

    private ImportResult run() {
        return new ClusterImporter(TestClusters.fast()).importInventory(TestClusters.request(kubeconfig, 2),
                new TestClusters.Recorder(), Cancellation.NEVER);
    }

    @Test
    void continueTokensAreFollowedPageByPage() {
        emptyLists("Service");
        server.expect().get().withPath("/api/v1/services?limit=2").andReturn(200,
                list("Service", "tok1", service("a", "s1"), service("a", "s2"))).once();
        server.expect().get().withPath("/api/v1/services?limit=2&continue=tok1").andReturn(200,
                list("Service", "tok2", service("b", "s3"), service("b", "s4"))).once();
        server.expect().get().withPath("/api/v1/services?limit=2&continue=tok2").andReturn(200,
                list("Service", "", service("c", "s5"))).once();
        ImportResult r = run();
        assertThat(r.inventory().services()).extracting(s -> s.name()).containsExactly("s1", "s2", "s3", "s4", "s5");
        assertThat(r.cluster().orElseThrow().kind("Service").pages()).isEqualTo(3);
    }

    @Test
    void anOldClusterWithoutTheEndpointSliceApiFallsBackToEndpoints() {
        emptyLists("EndpointSlice");
        server.expect().get().withPath("/api/v1/endpoints?limit=2").andReturn(200, list("Endpoints", "",
                "{\"metadata\":{\"namespace\":\"a\",\"name\":\"web\"},\"subsets\":[{\"addresses\":[{\"ip\":\"10.1.0.1\","
                        + "\"nodeName\":\"n1\"},{\"ip\":\"10.1.0.2\"}],\"ports\":[{\"port\":8080,\"protocol\":\"TCP\"}]}]}"))
                .once();
        ImportResult r = run();
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).filteredOn(p -> p.code().equals(ClusterProblems.API_MISSING))
                .extracting(ImportProblem::location)
                .containsExactly("/apis/discovery.k8s.io/v1/endpointslices", "/apis/discovery.k8s.io/v1beta1/endpointslices");
        assertThat(r.inventory().endpointSlices()).hasSize(1);
        assertThat(r.inventory().endpointSlices().get(0).endpoints()).hasSize(2);
        ClusterSource.KindOutcome k = r.cluster().orElseThrow().kind("EndpointSlice");
        assertThat(k.path()).isEqualTo("/api/v1/endpoints");
        assertThat(k.status()).isEqualTo(ClusterSource.Status.COMPLETE);
    }

    @Test
    void statusesEachBecomeTheirOwnProblem() {
        emptyLists("Service", "Node", "NetworkPolicy", "Namespace");
        server.expect().get().withPath("/api/v1/services?limit=2").andReturn(200, list("Service", "t", service("a", "1"),
                service("a", "2"))).once();
        server.expect().get().withPath("/api/v1/services?limit=2&continue=t").andReturn(410,
                "{\"kind\":\"Status\",\"code\":410,\"message\":\"too old resource version\"}").once();
        server.expect().get().withPath("/api/v1/services?limit=2").andReturn(200, list("Service", "", service("a", "1"),
                service("a", "2"))).once();
        server.expect().get().withPath("/api/v1/nodes?limit=2").andReturn(429, "{\"message\":\"throttled\"}").once();
        server.expect().get().withPath("/api/v1/nodes?limit=2").andReturn(500, "{\"message\":\"boom\"}").once();
        server.expect().get().withPath("/api/v1/nodes?limit=2").andReturn(200, list("Node", "")).once();
        server.expect().get().withPath("/apis/networking.k8s.io/v1/networkpolicies?limit=2").andReturn(403,
                "{\"kind\":\"Status\",\"code\":403,\"message\":\"networkpolicies.networking.k8s.io is forbidden\"}")
                .always();
        server.expect().get().delay(300, TimeUnit.MILLISECONDS).withPath("/api/v1/namespaces?limit=2")
                .andReturn(200, list("Namespace", "")).once();
        ImportResult r = run();
        assertThat(r.errors()).isEmpty();
        assertThat(r.inventory().services()).hasSize(2);
        ClusterSource c = r.cluster().orElseThrow();
        assertThat(c.kind("Service").restarts()).isEqualTo(1);
        assertThat(c.kind("Node").retries()).isEqualTo(2);
        assertThat(c.kind("Namespace").status()).isEqualTo(ClusterSource.Status.COMPLETE);
        assertThat(c.forbiddenKinds()).containsExactly("NetworkPolicy");
        assertThat(r.warnings()).extracting(ImportProblem::code).contains(ClusterProblems.LIST_RESTARTED,
                ClusterProblems.FORBIDDEN, ClusterProblems.KUBE_PROXY_CONFIG_MISSING);
    }

    @Test
    void unauthorizedStopsTheImport() {
        emptyLists("Service");
        server.expect().get().withPath("/api/v1/services?limit=2").andReturn(401,
                "{\"kind\":\"Status\",\"code\":401,\"message\":\"Unauthorized\"}").always();
        ImportResult r = run();
        assertThat(r.errors()).extracting(ImportProblem::code).containsExactly(ClusterProblems.UNAUTHORIZED);
        assertThat(r.errors().get(0).detail()).isEqualTo("the server rejected the credentials (401): Unauthorized");
        assertThat(r.inventory().services()).isEmpty();
    }

    @Test
    void tlsIsVerifiedUnlessTheKubeconfigSaysInsecure() throws Exception {
        Path strict = TestClusters.kubeconfig(dir, "strict", server.url("/").replaceAll("/$", ""), "",
                "    token: x\n");
        ImportResult r = new ClusterImporter(TestClusters.fast()).importInventory(TestClusters.request(strict, 2),
                new TestClusters.Recorder(), Cancellation.NEVER);
        ImportProblem p = r.errors().get(0);
        assertThat(p.code()).isEqualTo(ClusterProblems.TLS_FAILURE);
        assertThat(p.detail()).startsWith("TLS with " + server.url("/").replaceAll("/$", "") + " failed")
                .contains("certificate-authority");
    }
}
