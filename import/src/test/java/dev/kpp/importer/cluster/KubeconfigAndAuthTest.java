package dev.kpp.importer.cluster;

import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportRequest;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.scenario.ScenarioParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Kubeconfig merging and context listing, token files and exec plugins found outside a shell. */
class KubeconfigAndAuthTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void kubeconfigListMergesLikeKubectlFirstDefinitionWins() throws Exception {
        Path a = write("a", """
                apiVersion: v1
                kind: Config
                current-context: dev
                clusters:
                - name: shared
                  cluster: {server: "https://first.example:6443", proxy-url: "http://user:pw@proxy.example:3128"}
                users:
                - name: u1
                  user: {token: abc}
                contexts:
                - name: dev
                  context: {cluster: shared, user: u1, namespace: team-a}
                """);
        Path b = write("b", """
                apiVersion: v1
                kind: Config
                current-context: prod
                clusters:
                - name: shared
                  cluster: {server: "https://second.example:6443"}
                - name: prod-cluster
                  cluster: {server: "https://prod.example", insecure-skip-tls-verify: true}
                users:
                - name: u2
                  user:
                    exec: {apiVersion: client.authentication.k8s.io/v1, command: gke-gcloud-auth-plugin}
                - name: u3
                  user:
                    auth-provider: {name: oidc, config: {id-token: x, refresh-token: y}}
                contexts:
                - name: dev
                  context: {cluster: prod-cluster, user: u2}
                - name: prod
                  context: {cluster: prod-cluster, user: u2}
                - name: oidc
                  context: {cluster: shared, user: u3}
                """);
        String list = a + File.pathSeparator + dir.resolve("missing") + File.pathSeparator + b;
        Kubeconfig kc = Kubeconfig.load(Optional.empty(), Map.of("KUBECONFIG", list, "HOME", dir.toString()));
        assertThat(kc.problems()).isEmpty();
        assertThat(kc.files()).containsExactly(a, b);
        assertThat(kc.currentContext()).isEqualTo("dev");
        assertThat(kc.contexts()).extracting(KubeContext::name).containsExactly("dev", "prod", "oidc");
        KubeContext dev = kc.context("dev").orElseThrow();
        assertThat(dev.server()).isEqualTo("https://first.example:6443");
        assertThat(dev.proxyUrl()).isEqualTo("http://proxy.example:3128");
        assertThat(dev.namespace()).isEqualTo("team-a");
        assertThat(dev.current()).isTrue();
        assertThat(dev.auth()).isEqualTo(KubeContext.AuthKind.TOKEN);
        assertThat(dev.file()).isEqualTo(a);
        KubeContext prod = kc.context("prod").orElseThrow();
        assertThat(prod.auth()).isEqualTo(KubeContext.AuthKind.EXEC);
        assertThat(prod.execCommand()).isEqualTo("gke-gcloud-auth-plugin");
        assertThat(prod.insecure()).isTrue();
        assertThat(prod.current()).isFalse();
        assertThat(kc.context("oidc").orElseThrow().auth()).isEqualTo(KubeContext.AuthKind.OIDC);
        assertThat(kc.context("oidc").orElseThrow().server()).isEqualTo("https://first.example:6443");
    }

    @Test
    void homeKubeconfigIsTheDefaultAndMissingOrBrokenFilesAreReported() throws Exception {
        Files.createDirectories(dir.resolve(".kube"));
        Files.writeString(dir.resolve(".kube/config"), "apiVersion: v1\nkind: Config\ncurrent-context: x\n"
                + "contexts:\n- name: x\n  context: {cluster: c, user: u}\n");
        assertThat(Kubeconfig.load(Optional.empty(), Map.of("HOME", dir.toString())).contexts())
                .extracting(KubeContext::name).containsExactly("x");

        Kubeconfig missing = Kubeconfig.load(Optional.of(dir.resolve("nope")), Map.of());
        assertThat(missing.problems()).extracting(ImportProblem::code).containsExactly(ClusterProblems.KUBECONFIG_NOT_FOUND);

        Path broken = write("broken", "clusters: [\n  - {name: a\n");
        Kubeconfig bad = Kubeconfig.load(Optional.of(broken), Map.of());
        assertThat(bad.problems()).extracting(ImportProblem::code).containsExactly(ClusterProblems.KUBECONFIG_UNREADABLE);
        assertThat(bad.problems().get(0).source()).isEqualTo(broken.toString());

        Kubeconfig none = Kubeconfig.load(Optional.empty(), Map.of("HOME", dir.resolve("empty").toString()));
        assertThat(none.problems().get(0).code()).isEqualTo(ClusterProblems.KUBECONFIG_NOT_FOUND);
    }

    @Test
    void anUnknownContextListsTheKnownOnes() throws Exception {
        Path kc = TestClusters.kubeconfig(dir, "http://127.0.0.1:9", "");
        ImportResult r = new ClusterImporter(TestClusters.fast()).importInventory(new ImportRequest.Cluster(
                Optional.of("prod"), Optional.of(kc), 500, 0, false), new TestClusters.Recorder(), Cancellation.NEVER);
        ImportProblem p = r.errors().get(0);
        assertThat(p.code()).isEqualTo(ClusterProblems.CONTEXT_NOT_FOUND);
        assertThat(p.detail()).isEqualTo("no context 'prod'; known contexts: test");
    }

    @Test
    void tokenFileUsersSendTheFilesToken() throws Exception {
        try (MiniApiServer server = small()) {
            server.requireToken("from-a-file-0123456789");
            Files.writeString(dir.resolve("token"), "from-a-file-0123456789\n");
            Path kc = TestClusters.kubeconfig(dir, "config", server.url(), "", "    tokenFile: token\n");
            ImportResult r = new ClusterImporter(TestClusters.fast()).importInventory(TestClusters.request(kc, 500),
                    new TestClusters.Recorder(), Cancellation.NEVER);
            assertThat(r.errors()).isEmpty();
            assertThat(r.inventory().services()).hasSize(20);
        }
    }

    private MiniApiServer small() throws Exception {
        return TestClusters.serve(TestClusters.dump(dir, ScenarioParams.defaults().withServices(20)
                .withEndpointsPerService(2).withNodes(2)));
    }

    private Path plugin(Path binDir, String name, String body) throws Exception {
        Files.createDirectories(binDir);
        Path p = binDir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static String execUser(String command) {
        return """
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: %s
                      args: ["get-token", "--cluster", "test"]
                      env:
                      - {name: PLUGIN_MODE, value: fast}
                """.formatted(command);
    }

    private static final String CREDENTIAL = "cat <<'EOF'\n{\"apiVersion\":\"client.authentication.k8s.io/v1\","
            + "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"" + TestClusters.TOKEN + "\"}}\nEOF\n";

    @Test
    void anExecPluginOutsideTheProcessPathIsFoundThroughTheLoginShell() throws Exception {
        try (MiniApiServer server = small()) {
            server.requireToken(TestClusters.TOKEN);
            Path bin = dir.resolve("homebrew/bin");
            plugin(bin, "kpp-test-auth", "[ \"$1\" = get-token ] && [ \"$PLUGIN_MODE\" = fast ] || exit 3\n"
                    + "case \"$KUBERNETES_EXEC_INFO\" in *'\"interactive\":false'*) ;; *) exit 4;; esac\n" + CREDENTIAL);
            // a login shell whose profile adds the plugin's directory, as ~/.zprofile does for Homebrew
            Path shell = plugin(dir.resolve("shells"), "sh", "PATH=\"" + bin + ":/usr/bin:/bin\"\n[ \"$1\" = -l ] && [ \"$2\" = -c ] || exit 9\n"
                    + "eval \"$3\"\n");
            Path kc = TestClusters.kubeconfig(dir, "config", server.url(), "", execUser("kpp-test-auth"));
            ClusterSettings desktop = TestClusters.fast().withEnv(Map.of("HOME", dir.toString(), "PATH", "/usr/bin:/bin",
                    "SHELL", shell.toString()));
            ImportResult r = new ClusterImporter(desktop).importInventory(TestClusters.request(kc, 500),
                    new TestClusters.Recorder(), Cancellation.NEVER);
            assertThat(r.errors()).isEmpty();
            assertThat(r.inventory().services()).hasSize(20);
            assertThat(server.requests()).allSatisfy(q -> assertThat(q.authorization())
                    .isEqualTo("Bearer " + TestClusters.TOKEN));
            assertThat(r.problems().toString()).doesNotContain(TestClusters.TOKEN);
        }
    }

    @Test
    void aMissingExecPluginNamesTheBinaryAndThePathSearched() throws Exception {
        Path kc = TestClusters.kubeconfig(dir, "config", "http://127.0.0.1:9", "", execUser("aws-iam-authenticator"));
        ClusterSettings s = TestClusters.fast().withEnv(Map.of("HOME", dir.toString(), "PATH", "/usr/bin:/opt/none"));
        ImportResult r = new ClusterImporter(s).importInventory(TestClusters.request(kc, 500),
                new TestClusters.Recorder(), Cancellation.NEVER);
        ImportProblem p = r.errors().get(0);
        assertThat(p.code()).isEqualTo(ClusterProblems.EXEC_PLUGIN_NOT_FOUND);
        assertThat(p.location()).isEqualTo("aws-iam-authenticator");
        assertThat(p.detail()).startsWith("'aws-iam-authenticator' was not found in PATH /usr/bin:/opt/none:")
                .contains(dir.resolve(".local/bin").toString());
    }

    @Test
    void theExecPathOverrideReplacesEveryOtherPlace() throws Exception {
        try (MiniApiServer server = small()) {
            server.requireToken(TestClusters.TOKEN);
            Path bin = dir.resolve("tools");
            plugin(bin, "kpp-test-auth", CREDENTIAL);
            Path kc = TestClusters.kubeconfig(dir, "config", server.url(), "", execUser("kpp-test-auth"));
            ClusterSettings s = TestClusters.fast().withExecPath(Optional.of(bin.toString()));
            assertThat(new ClusterImporter(s).importInventory(TestClusters.request(kc, 500),
                    new TestClusters.Recorder(), Cancellation.NEVER).errors()).isEmpty();
            ImportResult without = new ClusterImporter(s.withExecPath(Optional.of(dir.resolve("elsewhere").toString())))
                    .importInventory(TestClusters.request(kc, 500), new TestClusters.Recorder(), Cancellation.NEVER);
            assertThat(without.errors().get(0).detail()).isEqualTo("'kpp-test-auth' was not found in PATH "
                    + dir.resolve("elsewhere"));
        }
    }

    @Test
    void aFailingPluginSaysWhatItPrintedWithSecretsMasked() throws Exception {
        Path bin = dir.resolve("bin");
        plugin(bin, "kpp-test-auth", "echo 'error: SSO session expired for token " + TestClusters.TOKEN
                + "; run: aws sso login' >&2\nexit 1\n");
        Path kc = TestClusters.kubeconfig(dir, "config", "http://127.0.0.1:9", "", execUser("kpp-test-auth"));
        ImportResult r = new ClusterImporter(TestClusters.fast().withExecPath(Optional.of(bin.toString())))
                .importInventory(TestClusters.request(kc, 500), new TestClusters.Recorder(), Cancellation.NEVER);
        ImportProblem p = r.errors().get(0);
        assertThat(p.code()).isEqualTo(ClusterProblems.EXEC_PLUGIN_FAILED);
        assertThat(p.detail()).isEqualTo("'kpp-test-auth' exited with status 1: error: SSO session expired for token "
                + "[redacted]; run: aws sso login");
    }
}
