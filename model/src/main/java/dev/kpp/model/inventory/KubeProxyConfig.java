package dev.kpp.model.inventory;

import java.util.Optional;

/**
 * kube-proxy's configuration as read from the {@code kube-system/kube-proxy} ConfigMap.
 *
 * @param mode                 configured mode; empty when the ConfigMap leaves it unset (implicit iptables
 *                             on Linux, which kube-proxy 1.37+ warns about, KEP-5343)
 * @param syncPeriodSeconds    {@code syncPeriod} (default 30 s)
 * @param minSyncPeriodSeconds {@code minSyncPeriod} (default 1 s)
 * @param conntrack            conntrack settings
 * @param masqueradeAll        {@code masqueradeAll}
 * @param clusterCidr          {@code clusterCIDR}, "" when unset
 * @param detectLocalMode      {@code detectLocalMode}, "" when unset (ClusterCIDR is the default)
 * @param ipvsStrictArp        {@code ipvs.strictARP}
 */
public record KubeProxyConfig(Optional<ProxyMode> mode, double syncPeriodSeconds, double minSyncPeriodSeconds,
                              ConntrackConfig conntrack, boolean masqueradeAll, String clusterCidr,
                              String detectLocalMode, boolean ipvsStrictArp) {
    public KubeProxyConfig {
        mode = mode == null ? Optional.empty() : mode;
        conntrack = conntrack == null ? ConntrackConfig.defaults() : conntrack;
        clusterCidr = clusterCidr == null ? "" : clusterCidr;
        detectLocalMode = detectLocalMode == null ? "" : detectLocalMode;
        if (!(syncPeriodSeconds > 0) || minSyncPeriodSeconds < 0) {
            throw new IllegalArgumentException("syncPeriod must be > 0 and minSyncPeriod >= 0");
        }
    }

    /** kube-proxy defaults with a cluster CIDR set (the usual kubeadm setup). */
    public static KubeProxyConfig defaults() {
        return new KubeProxyConfig(Optional.empty(), 30, 1, ConntrackConfig.defaults(), false, "10.244.0.0/16", "", false);
    }

    /**
     * @return true when kube-proxy can tell pod traffic from other traffic ("local detector"),
     *         which adds a masquerade rule per service chain
     */
    public boolean localDetectorImplemented() {
        return !clusterCidr.isEmpty() || (!detectLocalMode.isEmpty() && !detectLocalMode.equals("ClusterCIDR"));
    }

    /** @return the effective mode: the configured one, or iptables (the Linux default) */
    public ProxyMode effectiveMode() {
        return mode.orElse(ProxyMode.IPTABLES);
    }

    /** @return a copy with another mode */
    public KubeProxyConfig withMode(ProxyMode newMode) {
        return new KubeProxyConfig(Optional.ofNullable(newMode), syncPeriodSeconds, minSyncPeriodSeconds, conntrack,
                masqueradeAll, clusterCidr, detectLocalMode, ipvsStrictArp);
    }
}
