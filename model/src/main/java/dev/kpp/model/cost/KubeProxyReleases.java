package dev.kpp.model.cost;

import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.units.KubeVersion;

/**
 * The kube-proxy releases that change what a sync writes or how often it runs. Each entry names the change
 * that introduced it; the size of its effect is never typed in here: it follows from the structure (what is
 * written) and the fitted per-object costs. docs/model.md, "Version and kernel tables".
 */
public final class KubeProxyReleases {
    /**
     * kube-proxy's longest interval between full syncs once it syncs partially: one hour ({@code FullSyncPeriod}
     * in pkg/proxy/util, logged as {@code maxSyncPeriod}; the iptables proxier's runner has used a one-hour
     * maximum interval since at least release-1.25, kubernetes/kubernetes#133767, and rewrites every rule then,
     * kubernetes/kubernetes#129329).
     */
    public static final double FULL_SYNC_PERIOD_SECONDS = 3600;

    private KubeProxyReleases() {
    }

    /**
     * @return true when the mode writes only changed Services between full syncs: iptables from 1.27
     *         (MinimizeIPTablesRestore beta and on by default, KEP-3453, kubernetes/website#39188), nftables from 1.31
     *         (kubernetes/kubernetes#126013), eBPF always (the agent updates maps per event); IPVS never (its
     *         {@code syncProxyRules} walks every Service on every sync)
     */
    public static boolean partialSyncs(ProxyMode mode, KubeVersion v) {
        return switch (mode) {
            case IPTABLES -> v.atLeast(1, 27);
            case NFTABLES -> v.atLeast(1, 31);
            case IPVS -> false;
            case EBPF -> true;
        };
    }

    /**
     * @return seconds between the syncs kube-proxy runs without any change: iptables before 1.25 and IPVS every
     *         {@code syncPeriod} ("kube-proxy reprograms the kernel with all services at 30-second intervals",
     *         Tigera 2019), iptables from 1.25 once an hour (kubernetes/kubernetes#133767); nftables every
     *         {@code syncPeriod} (cheap partial syncs from 1.31, with a full one hourly); the eBPF agent never
     *         rewrites its maps periodically
     */
    public static double periodicSyncSeconds(ProxyMode mode, KubeVersion v, double syncPeriodSeconds) {
        return switch (mode) {
            case IPTABLES -> v.atLeast(1, 25) ? Math.max(syncPeriodSeconds, FULL_SYNC_PERIOD_SECONDS)
                    : syncPeriodSeconds;
            case IPVS, NFTABLES -> syncPeriodSeconds;
            case EBPF -> Double.POSITIVE_INFINITY;
        };
    }

    /**
     * @return true when a restarted nftables kube-proxy reconciles the ruleset it finds instead of flushing and
     *         re-adding every chain and map in its first transaction (kubernetes/kubernetes#130119, merged for
     *         1.33; "#130119 fixed this for the restart case", kubernetes/kubernetes#139328)
     */
    public static boolean nftablesRestartReconciles(KubeVersion v) {
        return v.atLeast(1, 33);
    }
}
