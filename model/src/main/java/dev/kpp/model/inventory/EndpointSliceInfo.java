package dev.kpp.model.inventory;

import java.util.List;

/**
 * An EndpointSlice (discovery.k8s.io/v1), or a legacy Endpoints object converted to one.
 *
 * @param namespace   namespace
 * @param name        name
 * @param serviceName value of the {@code kubernetes.io/service-name} label
 * @param addressType address family
 * @param ports       ports
 * @param endpoints   endpoints
 */
public record EndpointSliceInfo(String namespace, String name, String serviceName, AddressType addressType,
                                List<EndpointPortInfo> ports, List<EndpointInfo> endpoints) {
    public EndpointSliceInfo {
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
        serviceName = serviceName == null ? "" : serviceName;
        addressType = addressType == null ? AddressType.IPV4 : addressType;
        ports = List.copyOf(ports == null ? List.of() : ports);
        endpoints = List.copyOf(endpoints == null ? List.of() : endpoints);
    }

    /** @return namespace/serviceName, the key of the owning Service */
    public String serviceKey() {
        return namespace + "/" + serviceName;
    }
}
