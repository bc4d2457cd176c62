package dev.kpp.model.rules;

import dev.kpp.model.inventory.Protocol;
import dev.kpp.model.inventory.ServiceType;
import dev.kpp.model.inventory.TrafficPolicy;

import java.util.Objects;

/**
 * Everything about one Service port that changes the rules a proxy writes for it. kube-proxy works
 * per Service port ("service port name"), so a Service with three ports is three shapes.
 *
 * @param type                type of the owning Service
 * @param protocol            protocol
 * @param nodePort            true when a NodePort is allocated
 * @param externalIPs         number of {@code spec.externalIPs}
 * @param loadBalancerIPs     number of load-balancer ingress IPs
 * @param sourceRanges        number of {@code loadBalancerSourceRanges}
 * @param externalPolicy      externalTrafficPolicy
 * @param internalPolicy      internalTrafficPolicy
 * @param clientIpAffinity    sessionAffinity ClientIP
 * @param endpoints           usable endpoints of this port in the node's IP family
 * @param localEndpoints      of those, endpoints on the node whose rules are counted
 * @param healthCheckNodePort true when a healthCheckNodePort is set (externalTrafficPolicy Local)
 */
public record ServicePortShape(ServiceType type, Protocol protocol, boolean nodePort, int externalIPs,
                               int loadBalancerIPs, int sourceRanges, TrafficPolicy externalPolicy,
                               TrafficPolicy internalPolicy, boolean clientIpAffinity, int endpoints,
                               int localEndpoints, boolean healthCheckNodePort) {
    public ServicePortShape {
        if (externalIPs < 0 || loadBalancerIPs < 0 || sourceRanges < 0 || endpoints < 0 || localEndpoints < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (localEndpoints > endpoints) {
            throw new IllegalArgumentException("localEndpoints > endpoints");
        }
    }

    /*
     * equals and hashCode written out, with the values the record's generated ones give: shapes are
     * hash keys while a workload is grouped, and the generated methods are bootstrapped through
     * method handles on first use, about 50 ms of every CLI start-up.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ServicePortShape s && type == s.type && protocol == s.protocol
                && nodePort == s.nodePort && externalIPs == s.externalIPs && loadBalancerIPs == s.loadBalancerIPs
                && sourceRanges == s.sourceRanges && externalPolicy == s.externalPolicy
                && internalPolicy == s.internalPolicy && clientIpAffinity == s.clientIpAffinity
                && endpoints == s.endpoints && localEndpoints == s.localEndpoints
                && healthCheckNodePort == s.healthCheckNodePort);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(type);
        h = 31 * h + Objects.hashCode(protocol);
        h = 31 * h + Boolean.hashCode(nodePort);
        h = 31 * h + externalIPs;
        h = 31 * h + loadBalancerIPs;
        h = 31 * h + sourceRanges;
        h = 31 * h + Objects.hashCode(externalPolicy);
        h = 31 * h + Objects.hashCode(internalPolicy);
        h = 31 * h + Boolean.hashCode(clientIpAffinity);
        h = 31 * h + endpoints;
        h = 31 * h + localEndpoints;
        return 31 * h + Boolean.hashCode(healthCheckNodePort);
    }

    /** A ClusterIP port with {@code endpoints} ready endpoints, none of them local. */
    public static ServicePortShape clusterIp(int endpoints) {
        return new ServicePortShape(ServiceType.CLUSTER_IP, Protocol.TCP, false, 0, 0, 0, TrafficPolicy.CLUSTER,
                TrafficPolicy.CLUSTER, false, endpoints, 0, false);
    }

    /** @return true when traffic can reach it from outside the cluster network */
    public boolean externallyAccessible() {
        return nodePort || externalIPs > 0 || loadBalancerIPs > 0;
    }

    /** @return true when some traffic follows the Cluster policy (kube-proxy's UsesClusterEndpoints) */
    public boolean usesClusterEndpoints() {
        return internalPolicy == TrafficPolicy.CLUSTER
                || (externallyAccessible() && externalPolicy == TrafficPolicy.CLUSTER);
    }

    /** @return true when some traffic follows the Local policy (kube-proxy's UsesLocalEndpoints) */
    public boolean usesLocalEndpoints() {
        return internalPolicy == TrafficPolicy.LOCAL
                || (externallyAccessible() && externalPolicy == TrafficPolicy.LOCAL);
    }

    /** @return a copy with other endpoint counts */
    public ServicePortShape withEndpoints(int newEndpoints, int newLocalEndpoints) {
        return new ServicePortShape(type, protocol, nodePort, externalIPs, loadBalancerIPs, sourceRanges, externalPolicy,
                internalPolicy, clientIpAffinity, newEndpoints, Math.min(newLocalEndpoints, newEndpoints),
                healthCheckNodePort);
    }
}
