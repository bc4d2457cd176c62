package dev.kpp.model.rules;

import dev.kpp.model.units.KubeVersion;

/**
 * The two rule layouts of kube-proxy's iptables mode that differ in what a new connection scans.
 */
public enum IptablesLayout {
    /**
     * Before v1.21: KUBE-SERVICES holds two rules per ClusterIP (a {@code ! -s <clusterCIDR> ...
     * -j KUBE-MARK-MASQ} rule and the jump), three per external IP, and KUBE-NODEPORTS two per
     * NodePort. kubernetes/kubernetes PR #96959 (merged 2020-11, released in v1.21) moved the
     * masquerade rules into the per-service chains.
     */
    LEGACY,
    /**
     * v1.21 and later: one KUBE-SERVICES rule per ClusterIP, external destinations through
     * KUBE-EXT-* chains (pkg/proxy/iptables/proxier.go; counts checked against
     * TestNumberIptablesRules, 2022).
     */
    CURRENT;

    /** @return the layout a kube-proxy version writes */
    public static IptablesLayout forVersion(KubeVersion version) {
        return version.atLeast(1, 21) ? CURRENT : LEGACY;
    }
}
