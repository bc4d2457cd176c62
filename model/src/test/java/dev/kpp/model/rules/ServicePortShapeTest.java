package dev.kpp.model.rules;

import dev.kpp.model.inventory.Protocol;
import dev.kpp.model.inventory.ServiceType;
import dev.kpp.model.inventory.TrafficPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The written-out equals and hashCode compare every component, as a record's generated ones do. */
class ServicePortShapeTest {
    private static final ServicePortShape BASE = new ServicePortShape(ServiceType.NODE_PORT, Protocol.TCP, true, 1, 2,
            3, TrafficPolicy.CLUSTER, TrafficPolicy.CLUSTER, false, 10, 4, false);

    @Test
    void equalShapesAreEqualWithEqualHashes() {
        ServicePortShape same = new ServicePortShape(ServiceType.NODE_PORT, Protocol.TCP, true, 1, 2, 3,
                TrafficPolicy.CLUSTER, TrafficPolicy.CLUSTER, false, 10, 4, false);
        assertThat(same).isEqualTo(BASE).hasSameHashCodeAs(BASE);
        assertThat(BASE).isNotEqualTo(null).isNotEqualTo("shape");
    }

    @Test
    void aShapeDiffersFromOneThatDiffersInAnyComponent() {
        List<ServicePortShape> others = List.of(
                new ServicePortShape(ServiceType.LOAD_BALANCER, Protocol.TCP, true, 1, 2, 3, TrafficPolicy.CLUSTER,
                        TrafficPolicy.CLUSTER, false, 10, 4, false),
                new ServicePortShape(ServiceType.NODE_PORT, Protocol.UDP, true, 1, 2, 3, TrafficPolicy.CLUSTER,
                        TrafficPolicy.CLUSTER, false, 10, 4, false),
                new ServicePortShape(ServiceType.NODE_PORT, Protocol.TCP, false, 1, 2, 3, TrafficPolicy.CLUSTER,
                        TrafficPolicy.CLUSTER, false, 10, 4, false),
                new ServicePortShape(ServiceType.NODE_PORT, Protocol.TCP, true, 0, 2, 3, TrafficPolicy.CLUSTER,
                        TrafficPolicy.CLUSTER, false, 10, 4, false),
                new ServicePortShape(ServiceType.NODE_PORT, Protocol.TCP, true, 1, 0, 3, TrafficPolicy.CLUSTER,
                        TrafficPolicy.CLUSTER, false, 10, 4, false),
                new ServicePortShape(ServiceType.NODE_PORT, Protocol.TCP, true, 1, 2, 0, TrafficPolicy.CLUSTER,
                        TrafficPolicy.CLUSTER, false, 10, 4, false),
                new ServicePortShape(ServiceType.NODE_PORT, Protocol.TCP, true, 1, 2, 3, TrafficPolicy.LOCAL,
                        TrafficPolicy.CLUSTER, false, 10, 4, false),
                new ServicePortShape(ServiceType.NODE_PORT, Protocol.TCP, true, 1, 2, 3, TrafficPolicy.CLUSTER,
                        TrafficPolicy.LOCAL, false, 10, 4, false),
                new ServicePortShape(ServiceType.NODE_PORT, Protocol.TCP, true, 1, 2, 3, TrafficPolicy.CLUSTER,
                        TrafficPolicy.CLUSTER, true, 10, 4, false),
                new ServicePortShape(ServiceType.NODE_PORT, Protocol.TCP, true, 1, 2, 3, TrafficPolicy.CLUSTER,
                        TrafficPolicy.CLUSTER, false, 11, 4, false),
                new ServicePortShape(ServiceType.NODE_PORT, Protocol.TCP, true, 1, 2, 3, TrafficPolicy.CLUSTER,
                        TrafficPolicy.CLUSTER, false, 10, 5, false),
                new ServicePortShape(ServiceType.NODE_PORT, Protocol.TCP, true, 1, 2, 3, TrafficPolicy.CLUSTER,
                        TrafficPolicy.CLUSTER, false, 10, 4, true));
        for (ServicePortShape o : others) {
            assertThat(o).isNotEqualTo(BASE);
            assertThat(o.hashCode()).as(o.toString()).isNotEqualTo(BASE.hashCode());
        }
    }
}
