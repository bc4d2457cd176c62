package dev.kpp.model.rules;

import dev.kpp.model.units.KubeVersion;

/**
 * Settings the rule layouts depend on.
 *
 * @param kubeProxyVersion   kube-proxy minor version (selects the iptables layout, partial syncs)
 * @param masqueradeAll      kube-proxy {@code masqueradeAll}
 * @param localDetector      true when kube-proxy knows the pod CIDR (clusterCIDR or detectLocalMode set)
 * @param nodeAddresses      node addresses NodePorts listen on (IPVS virtual servers, Cilium frontends)
 * @param ebpfLbMapMax       size of Cilium's service map ({@code --bpf-lb-map-max}, default 65,536)
 * @param localhostNodePorts kube-proxy {@code iptables.localhostNodePorts} (default true; kube-proxy turns it
 *                           off itself when {@code nodePortAddresses} excludes the loopback range). It adds the
 *                           filter {@code KUBE-FIREWALL} chain (1.27+) and a {@code -d 127.0.0.0/8} rule per
 *                           NodePort (1.31+) in iptables mode; IPv4 only
 */
public record StructureOptions(KubeVersion kubeProxyVersion, boolean masqueradeAll, boolean localDetector,
                               int nodeAddresses, long ebpfLbMapMax, boolean localhostNodePorts) {
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

    /** Settings with kube-proxy's default {@code localhostNodePorts: true}. */
    public StructureOptions(KubeVersion kubeProxyVersion, boolean masqueradeAll, boolean localDetector,
                            int nodeAddresses, long ebpfLbMapMax) {
        this(kubeProxyVersion, masqueradeAll, localDetector, nodeAddresses, ebpfLbMapMax, true);
    }

    /** Defaults for a kube-proxy version: cluster CIDR known, one node address, default map size. */
    public static StructureOptions forVersion(KubeVersion version) {
        return new StructureOptions(version, false, true, 1, DEFAULT_EBPF_LB_MAP_MAX, true);
    }

    /** @return a copy with another {@code localhostNodePorts} */
    public StructureOptions withLocalhostNodePorts(boolean v) {
        return new StructureOptions(kubeProxyVersion, masqueradeAll, localDetector, nodeAddresses, ebpfLbMapMax, v);
    }
}
