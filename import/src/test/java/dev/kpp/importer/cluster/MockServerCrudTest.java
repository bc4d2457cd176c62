package dev.kpp.importer.cluster;

import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ClusterSource;
import dev.kpp.importer.spi.ImportRequest;
import dev.kpp.importer.spi.ImportResult;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * fabric8's KubernetesMockServer in CRUD mode, seeded through the fabric8 client with thousands of
 * objects (and a Secret), imported live; the mock server's request log proves the import only read.
 */
@EnableKubernetesMockClient(crud = true)
class MockServerCrudTest {
    static final int SERVICES = 1000;
    KubernetesMockServer server;
    KubernetesClient client;
    @TempDir
    Path dir;

    @Test
    void seededObjectsImportAndTheRequestLogHoldsOnlyReadsAndNoSecret() throws Exception {
        for (int n = 0; n < 8; n++) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("ns-" + n).endMetadata()
                    .build()).create();
        }
        for (int n = 0; n < 20; n++) {
            client.nodes().resource(new NodeBuilder().withNewMetadata().withName("node-" + n).endMetadata()
                    .withNewStatus().addToCapacity(Map.of("cpu", new Quantity("8"), "memory", new Quantity("32Gi")))
                    .withNewNodeInfo().withKernelVersion(n % 2 == 0 ? "6.1.0-18-amd64" : "5.15.0-91-generic")
                    .withKubeProxyVersion("v1.30.2").withKubeletVersion("v1.30.2").endNodeInfo().endStatus().build())
                    .create();
        }
        java.util.concurrent.ExecutorService seeders = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> created = new ArrayList<>();
        for (int k = 0; k < SERVICES; k++) {
            final int i = k;
            created.add(seeders.submit(() -> {
            String ns = "ns-" + (i % 8);
            String name = "svc-" + i;
            client.services().inNamespace(ns).resource(new ServiceBuilder().withNewMetadata().withName(name)
                    .withNamespace(ns).endMetadata().withNewSpec().withType("ClusterIP")
                    .withClusterIP("10.96." + (i / 250) + "." + (i % 250)).addNewPort().withPort(80)
                    .withProtocol("TCP").endPort().endSpec().build()).create();
            EndpointSliceBuilder slice = new EndpointSliceBuilder().withNewMetadata().withName(name + "-abcde")
                    .withNamespace(ns).addToLabels("kubernetes.io/service-name", name).endMetadata()
                    .withAddressType("IPv4").addNewPort().withPort(8080).withProtocol("TCP").endPort();
            for (int e = 0; e < 4; e++) {
                slice.addNewEndpoint().withAddresses("10.244." + (i % 250) + "." + e).withNodeName("node-" + (e * 5))
                        .withNewConditions().withReady(true).endConditions().endEndpoint();
            }
            client.discovery().v1().endpointSlices().inNamespace(ns).resource(slice.build()).create();
            }));
        }
        for (java.util.concurrent.Future<?> f : created) {
            f.get();
        }
        seeders.shutdown();
        client.network().networkPolicies().inNamespace("ns-1").resource(new NetworkPolicyBuilder().withNewMetadata()
                .withName("deny-all").withNamespace("ns-1").endMetadata().withNewSpec().endSpec().build()).create();
        client.configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("kube-proxy").withNamespace("kube-system").endMetadata().addToData("config.conf",
                        "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\n")
                .build()).create();
        client.secrets().inNamespace("ns-1").resource(new SecretBuilder().withNewMetadata().withName("db")
                .withNamespace("ns-1").endMetadata().addToStringData("password", "hunter2").build()).create();
        int seeded = server.getRequestCount();
        drain(seeded);

        // the mock server speaks HTTPS with a self-signed certificate: this kubeconfig says to trust it
        Path kc = TestClusters.kubeconfig(dir, server.url("/").replaceAll("/$", ""), "insecure-skip-tls-verify: true");
        ImportResult r = new ClusterImporter(TestClusters.fast()).importInventory(new ImportRequest.Cluster(
                Optional.of("test"), Optional.of(kc), 500, 0, false), new TestClusters.Recorder(), Cancellation.NEVER);

        assertThat(r.errors()).isEmpty();
        assertThat(r.inventory().services()).hasSize(SERVICES);
        assertThat(r.inventory().endpointSlices()).hasSize(SERVICES);
        assertThat(r.inventory().endpointSlices().stream().mapToInt(s -> s.endpoints().size()).sum())
                .isEqualTo(SERVICES * 4);
        assertThat(r.inventory().nodes()).hasSize(20);
        assertThat(r.inventory().nodes()).extracting(n -> n.kernelVersion()).containsOnly("6.1.0-18-amd64",
                "5.15.0-91-generic");
        assertThat(r.inventory().namespaces()).isGreaterThanOrEqualTo(8);
        assertThat(r.inventory().networkPolicies()).isEqualTo(1);
        assertThat(r.inventory().kubeProxy().mode()).hasValueSatisfying(m -> assertThat(m.id()).isEqualTo("ipvs"));
        assertThat(r.cluster().orElseThrow().kinds()).allSatisfy(k -> assertThat(k.status())
                .isEqualTo(ClusterSource.Status.COMPLETE));

        List<RecordedRequest> reads = drain(server.getRequestCount() - seeded);
        assertThat(reads).isNotEmpty();
        assertThat(reads).allSatisfy(q -> {
            assertThat(q.getMethod()).isEqualTo("GET");
            assertThat(q.getPath()).doesNotContain("secrets").doesNotContain("watch=").doesNotContain("serviceaccounts");
            assertThat(q.getBody() == null ? 0 : q.getBody().size()).isZero();
        });
        assertThat(reads).extracting(RecordedRequest::getPath).contains("/version", "/api/v1/services?limit=500",
                "/apis/discovery.k8s.io/v1/endpointslices?limit=500", "/api/v1/nodes?limit=500",
                "/api/v1/namespaces?limit=500", "/apis/networking.k8s.io/v1/networkpolicies?limit=500",
                "/api/v1/namespaces/kube-system/configmaps/kube-proxy");
    }

    private List<RecordedRequest> drain(int n) throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RecordedRequest q = server.takeRequest(5, TimeUnit.SECONDS);
            if (q == null) {
                break;
            }
            out.add(q);
        }
        return out;
    }
}
