package dev.kpp.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kpp contexts} and {@code kpp import --context} in-process. */
class ClusterCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    private Path kubeconfig(String server) throws Exception {
        Path f = dir.resolve("config");
        Files.writeString(f, """
                apiVersion: v1
                kind: Config
                current-context: dev
                clusters:
                - name: c1
                  cluster: {server: "%s"}
                - name: c2
                  cluster: {server: "https://prod.example:6443", proxy-url: "http://proxy.example:3128"}
                users:
                - name: u1
                  user: {token: secret-token-value-123456}
                - name: u2
                  user:
                    exec: {apiVersion: client.authentication.k8s.io/v1, command: kubelogin}
                contexts:
                - name: dev
                  context: {cluster: c1, user: u1, namespace: team-a}
                - name: prod
                  context: {cluster: c2, user: u2}
                """.formatted(server));
        return f;
    }

    @Test
    void contextsListsTheMergedKubeconfigWithoutCredentials() throws Exception {
        Path kc = kubeconfig("https://dev.example:6443");
        CliTest.Run t = run("contexts", "--kubeconfig", kc.toString());
        assertThat(t.code()).isZero();
        String[] lines = t.out().split("\n");
        assertThat(lines[0]).startsWith("CURRENT").contains("NAME").contains("SERVER").contains("AUTH");
        assertThat(lines[1]).startsWith("*").contains("dev").contains("team-a").contains("https://dev.example:6443")
                .contains("token");
        assertThat(lines[2]).contains("prod").contains("exec (kubelogin)").contains("proxy http://proxy.example:3128");
        assertThat(t.out()).doesNotContain("secret-token-value");

        CliTest.Run j = run("contexts", "--kubeconfig", kc.toString(), "--format", "json");
        JsonNode n = JSON.readTree(j.out());
        assertThat(n.path("currentContext").asText()).isEqualTo("dev");
        assertThat(n.path("contexts").get(1).path("auth").asText()).isEqualTo("exec");
        assertThat(n.path("contexts").get(1).path("execCommand").asText()).isEqualTo("kubelogin");

        CliTest.Run missing = run("contexts", "--kubeconfig", dir.resolve("none").toString());
        assertThat(missing.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(missing.err()).contains("No kubeconfig");
    }

    @Test
    void importFromAnUnreachableContextWritesNothingAndSaysWhy() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path kc = kubeconfig("http://127.0.0.1:" + port);
        Path out = dir.resolve("x.kpp.json");
        CliTest.Run r = run("import", "--kubeconfig", kc.toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(r.err()).contains("kpp: error: Cannot reach the API server http://127.0.0.1:" + port)
                .contains("nothing was imported from context dev; no snapshot written")
                .doesNotContain("secret-token-value");
        assertThat(out).doesNotExist();

        ClusterOptions o = new ClusterOptions();
        new picocli.CommandLine(o).parseArgs("--kubeconfig", kc.toString(), "--context", "dev");
        assertThat(o.live()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClusterImports.require(o, new PrintWriter(
                new StringWriter()))).isInstanceOf(Cli.InputException.class)
                .hasMessageStartingWith("nothing could be imported from context dev: Cannot reach the API server");

        CliTest.Run both = run("import", "some.json", "--context", "dev", "-o", out.toString());
        assertThat(both.code()).isEqualTo(Cli.EXIT_USAGE);
        CliTest.Run none = run("import", "-o", out.toString());
        assertThat(none.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(none.err()).contains("--context NAME");
    }

    @Test
    void importFromALiveServerWritesASnapshotWithProvenance() throws Exception {
        HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> bodies = Map.of(
                "/version", "{\"gitVersion\":\"v1.30.1\"}",
                "/api/v1/services", "{\"kind\":\"ServiceList\",\"metadata\":{},\"items\":[{\"metadata\":{\"namespace\":"
                        + "\"a\",\"name\":\"web\"},\"spec\":{\"type\":\"ClusterIP\",\"clusterIP\":\"10.96.0.10\","
                        + "\"ports\":[{\"port\":80,\"protocol\":\"TCP\"}]}}]}",
                "/apis/discovery.k8s.io/v1/endpointslices", "{\"kind\":\"EndpointSliceList\",\"metadata\":{},\"items\":"
                        + "[{\"metadata\":{\"namespace\":\"a\",\"name\":\"web-x\",\"labels\":{\"kubernetes.io/service-name\":"
                        + "\"web\"}},\"addressType\":\"IPv4\",\"ports\":[{\"port\":8080,\"protocol\":\"TCP\"}],"
                        + "\"endpoints\":[{\"addresses\":[\"10.1.0.1\"],\"conditions\":{\"ready\":true}}]}]}",
                "/api/v1/nodes", "{\"kind\":\"NodeList\",\"metadata\":{},\"items\":[{\"metadata\":{\"name\":\"n1\"},"
                        + "\"status\":{\"nodeInfo\":{\"kernelVersion\":\"6.1.0\",\"kubeletVersion\":\"v1.30.1\"}}}]}",
                "/api/v1/namespaces", "{\"kind\":\"NamespaceList\",\"metadata\":{},\"items\":[{\"metadata\":{\"name\":\"a\"}}]}",
                "/apis/networking.k8s.io/v1/networkpolicies", "{\"kind\":\"NetworkPolicyList\",\"metadata\":{},\"items\":[]}");
        api.createContext("/", ex -> {
            String b = bodies.get(ex.getRequestURI().getPath());
            byte[] bytes = (b == null ? "{\"kind\":\"Status\",\"code\":404,\"message\":\"not found\"}" : b)
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(b == null ? 404 : 200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        api.start();
        try {
            Path kc = kubeconfig("http://127.0.0.1:" + api.getAddress().getPort());
            Path out = dir.resolve("live.kpp.json");
            CliTest.Run r = run("import", "--kubeconfig", kc.toString(), "--context", "dev", "--page-size", "100", "-o",
                    out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).contains("kpp: Service: 1 in 1 page(s)")
                    .contains("kpp: wrote " + out + ": 1 services, 1 endpoint slices, 1 nodes")
                    .contains("from context dev (http://127.0.0.1:" + api.getAddress().getPort() + ")")
                    .contains("has no kube-system/kube-proxy ConfigMap");
            JsonNode p = JSON.readTree(Files.readString(out)).path("provenance");
            assertThat(p.path("kubeContext").asText()).isEqualTo("dev");
            assertThat(p.path("kubeServer").asText()).isEqualTo("http://127.0.0.1:" + api.getAddress().getPort());
            assertThat(p.path("kubeServerVersion").asText()).isEqualTo("v1.30.1");
            assertThat(p.path("partial").asBoolean()).isFalse();
            assertThat(Files.readString(out)).doesNotContain("secret-token-value");

            CliTest.Run inv = run("inventory", out.toString(), "--format", "json");
            assertThat(JSON.readTree(inv.out()).at("/services/proxied").asLong()).isEqualTo(1);
        } finally {
            api.stop(0);
        }
    }
}
