package dev.kpp.importer.file;

import dev.kpp.importer.Fixtures;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.inventory.AddressType;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.EndpointSliceInfo;
import dev.kpp.model.inventory.ReadyEndpoints;
import dev.kpp.model.plan.InventorySummary;
import dev.kpp.model.inventory.NodeInfo;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.inventory.ServiceInfo;
import dev.kpp.model.inventory.ServiceType;
import dev.kpp.model.inventory.SessionAffinity;
import dev.kpp.model.rules.Workload;
import dev.kpp.model.rules.WorkloadBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The cluster fixture in kubectl's JSON ({@code get -o json}, a List) and YAML (multi-document)
 * shapes: conditions, a terminating endpoint, dual-stack, named ports, a legacy Endpoints object,
 * a headless and an ExternalName Service, the kube-proxy ConfigMap and kinds that are skipped.
 */
class KubectlFixturesTest {
    @ParameterizedTest
    @ValueSource(strings = {"file/cluster.json", "file/cluster.yaml"})
    void importsTheFixtureToTheExpectedCounts(String fixture) {
        ImportResult r = Fixtures.load(Fixtures.resource(fixture));
        ClusterInventory inv = r.inventory();

        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(inv.services()).hasSize(10);
        assertThat(inv.services().stream().filter(ServiceInfo::proxied)).hasSize(8);
        // 10 EndpointSlices + ns8/legacy's Endpoints (svc1's Endpoints are covered by a slice)
        assertThat(inv.endpointSlices()).hasSize(11);
        assertThat(inv.endpointSlices().stream().filter(s -> s.name().contains("-legacy-")))
                .extracting(EndpointSliceInfo::serviceKey).containsExactly("ns8/legacy");
        assertThat(inv.nodes()).hasSize(2);
        assertThat(inv.namespaces()).isEqualTo(9);
        assertThat(inv.networkPolicies()).isEqualTo(1);
        assertThat(inv.kubernetesVersion()).isEqualTo("1.28");
        assertThat(r.skippedKinds()).isEqualTo(Map.of("ConfigMap", 1L, "Pod", 1L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"file/cluster.json", "file/cluster.yaml"})
    void readsServiceNodeAndKubeProxyFields(String fixture) {
        ClusterInventory inv = Fixtures.load(Fixtures.resource(fixture)).inventory();
        ServiceInfo lb = service(inv, "ns4/svc4");
        assertThat(lb.type()).isEqualTo(ServiceType.LOAD_BALANCER);
        assertThat(lb.loadBalancerIngressIPs()).containsExactly("5.6.7.8");
        assertThat(lb.loadBalancerSourceRanges()).containsExactly("203.0.113.0/25");
        assertThat(lb.ports().get(0).nodePort()).isEqualTo(30004);
        assertThat(service(inv, "ns5/svc5").sessionAffinity()).isEqualTo(SessionAffinity.CLIENT_IP);
        ServiceInfo dual = service(inv, "ns7/svc7");
        assertThat(dual.clusterIPs()).containsExactly("172.30.0.47", "fd00:30::47");
        assertThat(dual.ports()).extracting(p -> p.name() + "/" + p.targetPort()).containsExactly("http/http",
                "https/https");
        assertThat(service(inv, "ns8/db-headless").headless()).isTrue();
        assertThat(service(inv, "ns8/upstream").isExternalName()).isTrue();

        NodeInfo b = inv.nodes().stream().filter(n -> n.name().equals("node-b")).findFirst().orElseThrow();
        assertThat(b.cores()).isCloseTo(7.91, within(1e-9));
        assertThat(b.memoryBytes()).isEqualTo(32L << 30);
        assertThat(b.kernelVersion()).isEqualTo("5.15.0-105-generic");

        assertThat(inv.kubeProxy().mode()).contains(ProxyMode.IPTABLES);
        assertThat(inv.kubeProxy().clusterCidr()).isEqualTo("10.0.0.0/8");
        assertThat(inv.kubeProxy().syncPeriodSeconds()).isEqualTo(30);
        assertThat(inv.kubeProxy().conntrack().tcpEstablishedTimeoutSeconds()).isEqualTo(86_400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file/cluster.json", "file/cluster.yaml"})
    void countsReadyEndpointsTheWayKubeProxyDoes(String fixture) {
        ClusterInventory inv = Fixtures.load(Fixtures.resource(fixture)).inventory();
        Map<String, Integer> ready = ReadyEndpoints.byService(inv);
        assertThat(ready.get("ns2/svc2")).isEqualTo(3); // the terminating endpoint is not ready
        assertThat(ready.get("ns7/svc7")).isEqualTo(4); // the IPv4 Service's 4 IPv4 endpoints; its 2 IPv6 ones are another family
        assertThat(InventorySummary.of(inv).endpoints().otherFamily()).isGreaterThanOrEqualTo(2);
        assertThat(ready.get("ns8/legacy")).isEqualTo(1); // notReadyAddresses excluded
        assertThat(ready).doesNotContainKey("ns6/svc6");
        EndpointSliceInfo v6 = inv.endpointSlices().stream().filter(s -> s.addressType() == AddressType.IPV6)
                .findFirst().orElseThrow();
        assertThat(v6.endpoints()).hasSize(2);

        Workload w = WorkloadBuilder.fromInventory(inv, null);
        assertThat(w.servicePorts()).isEqualTo(9);
        assertThat(w.skippedHeadless()).isEqualTo(1);
        assertThat(w.skippedExternalName()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file/cluster.json", "file/cluster.yaml"})
    void jsonAndYamlGiveTheSameInventory(String fixture) {
        ClusterInventory json = Fixtures.load(Fixtures.resource("file/cluster.json")).inventory();
        ClusterInventory other = Fixtures.load(Fixtures.resource(fixture)).inventory();
        assertThat(other.services()).isEqualTo(json.services());
        assertThat(other.endpointSlices()).isEqualTo(json.endpointSlices());
        assertThat(other.nodes()).isEqualTo(json.nodes());
        assertThat(other.kubeProxy()).isEqualTo(json.kubeProxy());
    }

    private static ServiceInfo service(ClusterInventory inv, String key) {
        return inv.services().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }
}
