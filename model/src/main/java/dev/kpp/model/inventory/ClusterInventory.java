package dev.kpp.model.inventory;

import java.util.List;

/**
 * Everything kpp knows about one cluster: the input of every prediction.
 *
 * @param name              display name (file, context or sample name)
 * @param kubernetesVersion control-plane or kube-proxy version, e.g. "1.31", "" when unknown
 * @param services          Services
 * @param endpointSlices    EndpointSlices (legacy Endpoints converted by the importer)
 * @param nodes             Nodes
 * @param kubeProxy         kube-proxy configuration
 * @param networkPolicies   number of NetworkPolicies
 * @param namespaces        number of namespaces (0 when unknown)
 */
public record ClusterInventory(String name, String kubernetesVersion, List<ServiceInfo> services,
                               List<EndpointSliceInfo> endpointSlices, List<NodeInfo> nodes,
                               KubeProxyConfig kubeProxy, int networkPolicies, int namespaces) {
    public ClusterInventory {
        name = name == null ? "" : name;
        kubernetesVersion = kubernetesVersion == null ? "" : kubernetesVersion;
        services = List.copyOf(services == null ? List.of() : services);
        endpointSlices = List.copyOf(endpointSlices == null ? List.of() : endpointSlices);
        nodes = List.copyOf(nodes == null ? List.of() : nodes);
        kubeProxy = kubeProxy == null ? KubeProxyConfig.defaults() : kubeProxy;
        if (networkPolicies < 0 || namespaces < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** An empty inventory. */
    public static ClusterInventory empty(String name) {
        return new ClusterInventory(name, "", List.of(), List.of(), List.of(), KubeProxyConfig.defaults(), 0, 0);
    }
}
