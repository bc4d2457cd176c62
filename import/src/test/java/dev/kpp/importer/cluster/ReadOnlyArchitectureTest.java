package dev.kpp.importer.cluster;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The live import cannot write: no class of the cluster package calls a writing HTTP method, a
 * fabric8 client DSL (which could create, patch, delete or watch), or anything on Secrets; and
 * the one request path refuses what it must never read.
 */
class ReadOnlyArchitectureTest {
    private static final JavaClasses CLUSTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.kpp.importer.cluster");
    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete", "method", "expectContinue",
            "create", "createOrReplace", "update", "replace", "edit", "serverSideApply", "watch", "inform",
            "informOnCondition", "runnableInformer");

    @Test
    void noCallInTheLiveImportCanWriteWatchOrReachTheClientDsl() {
        List<String> offending = CLUSTER.stream().flatMap(c -> c.getMethodCallsFromSelf().stream())
                .filter(ReadOnlyArchitectureTest::forbidden)
                .map(JavaMethodCall::getDescription).toList();
        assertThat(offending).isEmpty();
        assertThat(CLUSTER.stream().flatMap(c -> c.getMethodCallsFromSelf().stream())
                .filter(m -> m.getTargetOwner().getName().equals("io.fabric8.kubernetes.client.http.HttpRequest$Builder"))
                .map(m -> m.getName()).distinct().sorted().toList()).containsExactly("build", "header", "timeout", "uri");
    }

    private static boolean forbidden(JavaMethodCall call) {
        String owner = call.getTargetOwner().getName();
        if (owner.startsWith("io.fabric8.kubernetes.client.http.") && WRITES.contains(call.getName())) {
            return true;
        }
        // the typed client (KubernetesClient, its DSL and resources) is never used: only the HTTP layer
        return owner.startsWith("io.fabric8.kubernetes.client.dsl.") || owner.equals(
                "io.fabric8.kubernetes.client.KubernetesClient") || owner.startsWith("io.fabric8.kubernetes.api.model.Secret");
    }

    @Test
    void theRequestGuardRefusesSecretsWatchesAndArbitraryProxies() {
        ReadOnlyPaths.check("/api/v1/services?limit=500&continue=abc");
        ReadOnlyPaths.check("/api/v1/nodes/node-1:10249/proxy/metrics");
        for (String bad : List.of("/api/v1/secrets", "/api/v1/namespaces/a/secrets/x", "/api/v1/services?watch=true",
                "/api/v1/namespaces/a/pods/p/exec", "/api/v1/namespaces/a/services/s/proxy/admin",
                "/apis/../api/v1/secrets", "/healthz")) {
            assertThatThrownBy(() -> ReadOnlyPaths.check(bad)).as(bad).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theImportPackagesHaveNoCycles() {
        slices().matching("dev.kpp.importer.(*)..").should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.kpp.importer"));
    }
}
