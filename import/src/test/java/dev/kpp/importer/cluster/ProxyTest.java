package dev.kpp.importer.cluster;

import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.scenario.ScenarioParams;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A context's proxy-url is honoured for http:// and https:// servers, verified with a local proxy. */
@EnableKubernetesMockClient(crud = true)
class ProxyTest {
    KubernetesMockServer server;
    KubernetesClient client;
    @TempDir
    Path dir;

    @Test
    void anHttpServerIsReachedThroughTheProxyUrl() throws Exception {
        try (TestProxy proxy = new TestProxy(); MiniApiServer api = TestClusters.serve(TestClusters.dump(dir,
                ScenarioParams.defaults().withServices(30).withEndpointsPerService(2).withNodes(2)))) {
            Path kc = TestClusters.kubeconfig(dir, api.url(), "proxy-url: " + proxy.url());
            ImportResult r = new ClusterImporter(TestClusters.fast()).importInventory(TestClusters.request(kc, 500),
                    new TestClusters.Recorder(), Cancellation.NEVER);
            assertThat(r.errors()).isEmpty();
            assertThat(r.inventory().services()).hasSize(30);
            assertThat(proxy.lines).contains("GET " + api.url() + "/api/v1/services?limit=500 HTTP/1.1");
        }
    }

    @Test
    void anHttpsServerIsTunnelledThroughAnHttpProxyUrl() throws Exception {
        for (int i = 0; i < 3; i++) {
            client.services().inNamespace("a").resource(new ServiceBuilder().withNewMetadata().withName("s" + i)
                    .withNamespace("a").endMetadata().withNewSpec().withClusterIP("10.96.0." + i).addNewPort()
                    .withPort(80).endPort().endSpec().build()).create();
        }
        String https = server.url("/").replaceAll("/$", "");
        URI u = URI.create(https);
        try (TestProxy proxy = new TestProxy()) {
            Path kc = TestClusters.kubeconfig(dir, https, "insecure-skip-tls-verify: true\nproxy-url: " + proxy.url());
            ImportResult r = new ClusterImporter(TestClusters.fast()).importInventory(TestClusters.request(kc, 500),
                    new TestClusters.Recorder(), Cancellation.NEVER);
            assertThat(r.errors()).isEmpty();
            assertThat(r.inventory().services()).hasSize(3);
            // fabric8 7.8.0 alone would connect directly: the proxy saw the tunnel
            assertThat(proxy.lines).anyMatch(l -> l.startsWith("CONNECT " + u.getHost() + ":" + u.getPort() + " "));
        }
    }

    @Test
    void fabric8AloneWouldIgnoreAnHttpProxyUrlForAnHttpsServer() throws Exception {
        Path kc = TestClusters.kubeconfig(dir, "https://api.example:6443", "proxy-url: http://proxy.example:3128");
        io.fabric8.kubernetes.client.Config own = io.fabric8.kubernetes.client.Config.fromKubeconfig("test", kc.toFile());
        // fabric8 7.8.0 files an http:// proxy-url as the HTTP proxy only; an https:// server uses the HTTPS proxy
        assertThat(own.getHttpProxy()).isEqualTo("http://proxy.example:3128");
        assertThat(own.getHttpsProxy()).isNull();
        io.fabric8.kubernetes.client.Config fixed = io.fabric8.kubernetes.client.Config.empty();
        io.fabric8.kubernetes.api.model.Cluster cl = new io.fabric8.kubernetes.api.model.Cluster();
        cl.setProxyUrl("http://proxy.example:3128");
        ClusterConnector.proxy(cl, "https://api.example:6443", Map.of(), fixed);
        assertThat(fixed.getHttpsProxy()).isEqualTo("http://proxy.example:3128");
    }

    @Test
    void aDeadProxyIsNamedInTheUnreachableError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path kc = TestClusters.kubeconfig(dir, "http://127.0.0.1:9", "proxy-url: http://proxyuser:secret@127.0.0.1:" + port);
        ImportResult r = new ClusterImporter(TestClusters.fast()).importInventory(TestClusters.request(kc, 500),
                new TestClusters.Recorder(), Cancellation.NEVER);
        ImportProblem p = r.errors().get(0);
        assertThat(p.code()).isEqualTo(ClusterProblems.UNREACHABLE);
        assertThat(p.detail()).contains("(through proxy http://127.0.0.1:" + port + ")").doesNotContain("secret");
    }

    @Test
    void environmentProxiesApplyWithoutAProxyUrlAndNoProxyExemptsHosts() throws Exception {
        io.fabric8.kubernetes.client.Config c = io.fabric8.kubernetes.client.Config.empty();
        io.fabric8.kubernetes.api.model.Cluster cl = new io.fabric8.kubernetes.api.model.Cluster();
        assertThat(ClusterConnector.proxy(cl, "https://api.example:6443", Map.of("HTTPS_PROXY", "http://p:3128"), c))
                .isEqualTo("http://p:3128");
        assertThat(c.getHttpsProxy()).isEqualTo("http://p:3128");
        assertThat(ClusterConnector.proxy(cl, "https://api.example:6443", Map.of("https_proxy", "http://p:3128",
                "NO_PROXY", "localhost,.example"), c)).isEmpty();
        cl.setProxyUrl("http://q:8080");
        assertThat(ClusterConnector.proxy(cl, "https://api.example:6443", Map.of("NO_PROXY", "*"), c))
                .isEqualTo("http://q:8080");
        assertThat(c.getHttpsProxy()).isEqualTo("http://q:8080");
        assertThat(c.getHttpProxy()).isEqualTo("http://q:8080");
    }
}
