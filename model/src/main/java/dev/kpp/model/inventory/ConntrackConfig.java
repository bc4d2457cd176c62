package dev.kpp.model.inventory;

/**
 * kube-proxy's conntrack settings. Defaults from kube-proxy's configuration reference:
 * {@code maxPerCore 32768}, {@code min 131072}, TCP established 24 h, close-wait 1 h
 * (kubernetes/kubernetes#75575, #33051). TIME_WAIT (120 s) is the kernel's
 * {@code nf_conntrack_tcp_timeout_time_wait} default, which kube-proxy does not set.
 *
 * @param maxPerCore                 {@code conntrack.maxPerCore}
 * @param min                        {@code conntrack.min}
 * @param tcpEstablishedTimeoutSeconds {@code conntrack.tcpEstablishedTimeout}
 * @param tcpCloseWaitTimeoutSeconds   {@code conntrack.tcpCloseWaitTimeout}
 * @param tcpTimeWaitTimeoutSeconds    kernel TIME_WAIT timeout
 */
public record ConntrackConfig(long maxPerCore, long min, long tcpEstablishedTimeoutSeconds,
                              long tcpCloseWaitTimeoutSeconds, long tcpTimeWaitTimeoutSeconds) {
    public ConntrackConfig {
        if (maxPerCore < 0 || min < 0 || tcpEstablishedTimeoutSeconds < 0 || tcpCloseWaitTimeoutSeconds < 0
                || tcpTimeWaitTimeoutSeconds < 0) {
            throw new IllegalArgumentException("conntrack settings must not be negative");
        }
    }

    /** kube-proxy's defaults. */
    public static ConntrackConfig defaults() {
        return new ConntrackConfig(32_768, 131_072, 86_400, 3_600, 120);
    }

    /**
     * {@code nf_conntrack_max} as kube-proxy sets it: {@code max(maxPerCore x cores, min)}.
     * A maxPerCore of 0 means kube-proxy leaves the kernel value alone; then {@code min} is returned.
     */
    public long conntrackMax(double cores) {
        long perCore = Math.round(maxPerCore * Math.max(1.0, Math.ceil(cores)));
        return Math.max(perCore, min);
    }
}
