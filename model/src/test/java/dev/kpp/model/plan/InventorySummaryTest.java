package dev.kpp.model.plan;

import dev.kpp.model.inventory.AddressType;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.EndpointInfo;
import dev.kpp.model.inventory.EndpointPortInfo;
import dev.kpp.model.inventory.EndpointSliceInfo;
import dev.kpp.model.inventory.KubeProxyConfig;
import dev.kpp.model.inventory.Protocol;
import dev.kpp.model.inventory.ReadyEndpoints;
import dev.kpp.model.inventory.ServiceInfo;
import dev.kpp.model.inventory.ServicePortInfo;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.scenario.SyntheticCluster;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InventorySummaryTest {
    @Test
    void summaryCountsTypesEndpointsAndNodesWithTotals() {
        ClusterInventory inv = SyntheticCluster.inventory(ScenarioParams.defaults().withServices(100)
                .withEndpointsPerService(4).withShares(0.2, 0.1).withNodes(3), "s");
        InventorySummary s = InventorySummary.of(inv);
        assertThat(s.services()).isEqualTo(inv.services().size());
        assertThat(s.servicesByType()).containsEntry("LoadBalancer", 10L).containsEntry("NodePort", 20L)
                .containsEntry("ClusterIP", 70L);
        assertThat(s.nodePorts()).isEqualTo(30);
        assertThat(s.loadBalancerIPs()).isEqualTo(10);
        assertThat(s.endpoints().ready()).isEqualTo(400);
        assertThat(s.endpoints().listed()).isEqualTo(400);
        assertThat(s.perService().p50()).isEqualTo(4);
        assertThat(s.nodes()).isEqualTo(3);
        assertThat(s.totalCores()).isEqualTo(24);
    }

    @Test
    void everyEndpointNotCountedAsReadySaysWhy() {
        ClusterInventory base = SyntheticCluster.inventory(ScenarioParams.defaults().withServices(3)
                .withEndpointsPerService(2).withNodes(2), "s");
        ServiceInfo first = base.services().get(0);
        String port = first.ports().get(0).name();
        List<EndpointPortInfo> ports = List.of(new EndpointPortInfo(port, Protocol.TCP, 8080));
        List<EndpointSliceInfo> slices = new ArrayList<>(base.endpointSlices());
        // not ready, terminating and a repeated ready address on the first Service
        slices.add(new EndpointSliceInfo(first.namespace(), first.name() + "-x", first.name(), AddressType.IPV4, ports,
                List.of(new EndpointInfo(List.of("10.9.0.1"), "", false, false, false),
                        new EndpointInfo(List.of("10.9.0.2"), "", false, true, true),
                        new EndpointInfo(List.of(base.endpointSlices().get(0).endpoints().get(0).addresses().get(0)),
                                "", true, true, false))));
        // IPv6 entries of an IPv4 Service
        slices.add(new EndpointSliceInfo(first.namespace(), first.name() + "-v6", first.name(), AddressType.IPV6, ports,
                List.of(EndpointInfo.ready("fd00::1", ""))));
        // an orphan slice and a headless Service's slice
        slices.add(new EndpointSliceInfo("gone", "gone-abc", "gone", AddressType.IPV4, ports,
                List.of(EndpointInfo.ready("10.9.1.1", ""), EndpointInfo.ready("10.9.1.2", ""))));
        List<ServiceInfo> services = new ArrayList<>(base.services());
        ServiceInfo headless = new ServiceInfo(first.namespace(), "db", first.type(), List.of("None"),
                List.of(new ServicePortInfo(port, Protocol.TCP, 5432, 0, "5432")), List.of(), List.of(),
                first.externalTrafficPolicy(), first.internalTrafficPolicy(), first.sessionAffinity(), List.of(), 0,
                "", "");
        services.add(headless);
        slices.add(new EndpointSliceInfo(first.namespace(), "db-abc", "db", AddressType.IPV4, ports,
                List.of(EndpointInfo.ready("10.9.2.1", ""))));
        ClusterInventory inv = new ClusterInventory("x", "", services, slices, base.nodes(),
                KubeProxyConfig.defaults(), 0, 1);

        InventorySummary.Endpoints e = InventorySummary.of(inv).endpoints();
        assertThat(e.ready()).isEqualTo(6);
        assertThat(e.notReady()).isEqualTo(1);
        assertThat(e.terminating()).isEqualTo(1);
        assertThat(e.duplicate()).isEqualTo(1);
        assertThat(e.otherFamily()).isEqualTo(1);
        assertThat(e.orphaned()).isEqualTo(2);
        assertThat(e.notProxied()).isEqualTo(1);
        assertThat(e.listed()).isEqualTo(e.ready() + e.notReady() + e.terminating() + e.duplicate()
                + e.otherFamily() + e.orphaned() + e.notProxied());
        assertThat(e.ready()).isEqualTo(ReadyEndpoints.byService(inv).entrySet().stream()
                .filter(en -> inv.services().stream().anyMatch(s -> s.key().equals(en.getKey()) && s.proxied()))
                .mapToLong(en -> en.getValue()).sum());
        assertThat(InventorySummary.of(inv).notes()).contains(InventorySummary.Note.ORPHAN_ENDPOINT_SLICES,
                InventorySummary.Note.IMPLICIT_MODE);
        assertThat(InventorySummary.of(inv).headless()).isEqualTo(1);
        assertThat(InventorySummary.of(inv).proxied()).isEqualTo(3);
    }
}
