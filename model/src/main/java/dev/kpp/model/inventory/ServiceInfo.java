package dev.kpp.model.inventory;

import java.util.List;

/**
 * A Kubernetes Service as far as service proxying is concerned.
 *
 * @param namespace                namespace
 * @param name                     name
 * @param type                     {@code spec.type}
 * @param clusterIPs               {@code spec.clusterIPs} (empty or ["None"] for headless)
 * @param ports                    {@code spec.ports}
 * @param externalIPs              {@code spec.externalIPs}
 * @param loadBalancerIngressIPs   {@code status.loadBalancer.ingress[].ip}
 * @param externalTrafficPolicy    {@code spec.externalTrafficPolicy}
 * @param internalTrafficPolicy    {@code spec.internalTrafficPolicy}
 * @param sessionAffinity          {@code spec.sessionAffinity}
 * @param loadBalancerSourceRanges {@code spec.loadBalancerSourceRanges}
 * @param healthCheckNodePort      {@code spec.healthCheckNodePort}, 0 when none
 * @param serviceProxyName         value of the {@code service.kubernetes.io/service-proxy-name} label, "" when absent
 * @param externalName             {@code spec.externalName} for ExternalName services, "" otherwise
 */
public record ServiceInfo(
        String namespace,
        String name,
        ServiceType type,
        List<String> clusterIPs,
        List<ServicePortInfo> ports,
        List<String> externalIPs,
        List<String> loadBalancerIngressIPs,
        TrafficPolicy externalTrafficPolicy,
        TrafficPolicy internalTrafficPolicy,
        SessionAffinity sessionAffinity,
        List<String> loadBalancerSourceRanges,
        int healthCheckNodePort,
        String serviceProxyName,
        String externalName) {

    /** Label that makes the default kube-proxy ignore a Service. */
    public static final String SERVICE_PROXY_NAME_LABEL = "service.kubernetes.io/service-proxy-name";

    public ServiceInfo {
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
        type = type == null ? ServiceType.CLUSTER_IP : type;
        clusterIPs = List.copyOf(clusterIPs == null ? List.of() : clusterIPs);
        ports = List.copyOf(ports == null ? List.of() : ports);
        externalIPs = List.copyOf(externalIPs == null ? List.of() : externalIPs);
        loadBalancerIngressIPs = List.copyOf(loadBalancerIngressIPs == null ? List.of() : loadBalancerIngressIPs);
        externalTrafficPolicy = externalTrafficPolicy == null ? TrafficPolicy.CLUSTER : externalTrafficPolicy;
        internalTrafficPolicy = internalTrafficPolicy == null ? TrafficPolicy.CLUSTER : internalTrafficPolicy;
        sessionAffinity = sessionAffinity == null ? SessionAffinity.NONE : sessionAffinity;
        loadBalancerSourceRanges = List.copyOf(loadBalancerSourceRanges == null ? List.of() : loadBalancerSourceRanges);
        serviceProxyName = serviceProxyName == null ? "" : serviceProxyName;
        externalName = externalName == null ? "" : externalName;
    }

    /** A plain ClusterIP service with the given ports. */
    public static ServiceInfo clusterIp(String namespace, String name, String clusterIP, List<ServicePortInfo> ports) {
        return new ServiceInfo(namespace, name, ServiceType.CLUSTER_IP, List.of(clusterIP), ports, List.of(), List.of(),
                TrafficPolicy.CLUSTER, TrafficPolicy.CLUSTER, SessionAffinity.NONE, List.of(), 0, "", "");
    }

    /** @return true for {@code clusterIP: None} (no proxy rules) */
    public boolean headless() {
        return type != ServiceType.EXTERNAL_NAME
                && (clusterIPs.isEmpty() || "None".equals(clusterIPs.get(0)));
    }

    /** @return true for ExternalName services (DNS only, no proxy rules) */
    public boolean isExternalName() {
        return type == ServiceType.EXTERNAL_NAME;
    }

    /**
     * @return true when the default kube-proxy programs rules for this Service: not headless,
     *         not ExternalName and not claimed by another proxy through the service-proxy-name label
     */
    public boolean proxied() {
        return !headless() && !isExternalName() && serviceProxyName.isEmpty();
    }

    /** @return the primary ClusterIP, or "" */
    public String primaryClusterIP() {
        return clusterIPs.isEmpty() ? "" : clusterIPs.get(0);
    }

    /** @return namespace/name */
    public String key() {
        return namespace + "/" + name;
    }
}
