package dev.kpp.model.inventory;

import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.scenario.SyntheticCluster;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryDiffTest {
    @Test
    void reportsAddedRemovedChangedServicesAndGrowthPerNamespace() {
        ClusterInventory before = SyntheticCluster.inventory(ScenarioParams.defaults().withServices(200)
                .withEndpointsPerService(3).withShares(0.1, 0).withNodes(4), "before");
        List<ServiceInfo> services = new ArrayList<>(before.services());
        ServiceInfo removed = services.remove(0);
        ServiceInfo first = services.get(0);
        services.set(0, new ServiceInfo(first.namespace(), first.name(), first.type(), first.clusterIPs(), first.ports(),
                first.externalIPs(), first.loadBalancerIngressIPs(), TrafficPolicy.LOCAL, first.internalTrafficPolicy(),
                first.sessionAffinity(), first.loadBalancerSourceRanges(), first.healthCheckNodePort(), "", ""));
        services.add(ServiceInfo.clusterIp("new-ns", "web", "10.96.9.9", List.of(ServicePortInfo.tcp("", 80))));
        List<EndpointSliceInfo> slices = new ArrayList<>(before.endpointSlices());
        slices.add(new EndpointSliceInfo("new-ns", "web-1", "web", AddressType.IPV4,
                List.of(new EndpointPortInfo("", Protocol.TCP, 80)),
                List.of(EndpointInfo.ready("10.200.0.1", "node-00000"), EndpointInfo.ready("10.200.0.2", "node-00001"))));
        ClusterInventory after = new ClusterInventory("after", before.kubernetesVersion(), services, slices,
                before.nodes(), before.kubeProxy(), 0, 101);

        InventoryDiff d = InventoryDiff.compare(before, after);
        assertThat(d.added()).containsExactly("new-ns/web");
        assertThat(d.removed()).containsExactly(removed.key());
        assertThat(d.changed()).containsExactly(first.key());
        assertThat(d.servicesBefore()).isEqualTo(200);
        assertThat(d.servicesAfter()).isEqualTo(200);
        assertThat(d.endpointsBefore()).isEqualTo(600);
        assertThat(d.endpointsAfter()).isEqualTo(600 - 3 + 2);
        assertThat(d.nodePortsBefore()).isEqualTo(20);
        assertThat(d.nodePortsAfter()).isEqualTo(20 - (removed.type().hasNodePorts() ? 1 : 0));
        assertThat(d.namespaces()).anySatisfy(g -> {
            assertThat(g.namespace()).isEqualTo("new-ns");
            assertThat(g.servicesBefore()).isZero();
            assertThat(g.servicesAfter()).isEqualTo(1);
            assertThat(g.endpointsAfter()).isEqualTo(2);
        });
    }
}
