package dev.kpp.model.rules;

import dev.kpp.model.units.KubeVersion;

/**
 * Settings the rule layouts depend on.
 *
 * @param kubeProxyVersion kube-proxy minor version (selects the iptables layout, partial syncs)
 * @param masqueradeAll    kube-proxy {@code masqueradeAll}
 * @param localDetector    true when kube-proxy knows the pod CIDR (clusterCIDR or detectLocalMode set)
 * @param nodeAddresses    node addresses NodePorts listen on (IPVS virtual servers, Cilium frontends)
 * @param ebpfLbMapMax     size of Cilium's service map ({@code --bpf-lb-map-max}, default 65,536)
 */
public record StructureOptions(KubeVersion kubeProxyVersion, boolean masqueradeAll, boolean localDetector,
                               int nodeAddresses, long ebpfLbMapMax) {
    /** Cilium's default {@code --bpf-lb-map-max} (Cilium "eBPF Maps" docs). */
    public static final long DEFAULT_EBPF_LB_MAP_MAX = 65_536;

    public StructureOptions {
        if (kubeProxyVersion == null) {
            throw new IllegalArgumentException("kubeProxyVersion is required");
        }
        if (nodeAddresses < 1 || ebpfLbMapMax < 1) {
            throw new IllegalArgumentException("nodeAddresses and ebpfLbMapMax must be >= 1");
        }
    }

    /** Defaults for a kube-proxy version: cluster CIDR known, one node address, default map size. */
    public static StructureOptions forVersion(KubeVersion version) {
        return new StructureOptions(version, false, true, 1, DEFAULT_EBPF_LB_MAP_MAX);
    }
}
