package dev.kpp.model.cost;

/**
 * The assumptions kpp applies where neither a benchmark nor a setting gives the number. Every one is listed by
 * {@code kpp calibrate} with its value and where it comes from, so a reviewer sees what a prediction rests on.
 * docs/model.md, "Assumptions".
 */
public enum Assumptions {
    /** Endpoints per Service where a benchmark does not state them: kpp's default scenario (10). */
    UNSTATED_ENDPOINTS_PER_SERVICE("unstated-endpoints-per-service", 10, "endpoints",
            "kpp's default scenario; shown in the conditions of every row that uses it"),
    /**
     * Service ports a single-node minikube/kind cluster has before a benchmark adds its own: kube-dns (53/UDP,
     * 53/TCP, 9153/TCP) and the kubernetes API Service (443/TCP).
     */
    SYSTEM_SERVICE_PORTS("system-service-ports", 4, "service ports",
            "CoreDNS Service ports 53/UDP, 53/TCP, 9153/TCP and the default kubernetes Service 443/TCP"),
    /** Go's resident memory is about twice its live heap at GOGC=100 (the heap grows to 2x before a collection). */
    GO_RSS_PER_LIVE_HEAP("go-rss-per-live-heap", 2, "x live heap",
            "Go GC guide: with GOGC=100 the heap target is the live heap plus 100%"),
    /** Time one request keeps a connection (and its conntrack entry) busy, s. */
    REQUEST_SECONDS("request-seconds", 0.02, "s per request", "assumption; affects conntrack entries only"),
    /** Share of connections that end half-closed and linger in CLOSE_WAIT (high end of the conntrack band). */
    CLOSE_WAIT_SHARE("close-wait-share", 0.01, "of connections", "assumption; high end of the conntrack band only"),
    /** Share of the TIME_WAIT period an entry lives when clients reuse ports (low end of the conntrack band). */
    TIME_WAIT_REUSE_SHARE("time-wait-reuse-share", 0.5, "of TIME_WAIT", "assumption; low end of the conntrack band only"),
    /** Cilium's default TCP connection-tracking map (bpf-ct-global-tcp-max; Cilium eBPF Maps docs, v1.20.2 copy). */
    CILIUM_CT_TCP_MAX("cilium-ct-tcp-max", 524_288, "entries", "Cilium docs, eBPF Maps (v1.20.2: 512k TCP)"),
    /** Kernels at or above 5.4 use the 2021+ per-rule costs; 5.4 is the first LTS released after the 2019 benchmarks. */
    MODERN_KERNEL("modern-kernel-from", 5.04, "kernel (major.minor/100)",
            "Linux 5.4 LTS, November 2019; the dataset's 2019-2020 rows come from older kernels"),
    /**
     * Prior spread of the per-source factors: a setup's hardware, kernel and method are taken to scale a cost by
     * about this factor at one standard deviation (the fitted factors are printed by kpp calibrate).
     */
    SOURCE_FACTOR_SPREAD("source-factor-spread", 3, "x at one standard deviation",
            "assumption; a log-normal prior that keeps sources with few rows from fitting their own level"),
    /** A changed endpoint waits for the sync loop in the scalability jobs: they change endpoints continuously. */
    NPL_BUSY_LOOP("npl-busy-loop", 1, "probability of waiting",
            "assumption for the scalability-job rows (their churn is not stated); predictions use the loop's load"),
    /** Reference cluster size of the API/watch delay in network programming latency (mu_ref is fitted there). */
    NPL_REFERENCE_NODES("npl-reference-nodes", 1000, "nodes", "the scale mu_ref is quoted at; mu(n) = mu_ref (n/1000)^kappa");

    private final String code;
    private final double value;
    private final String unit;
    private final String basis;

    Assumptions(String code, double value, String unit, String basis) {
        this.code = code;
        this.value = value;
        this.unit = unit;
        this.basis = basis;
    }

    /** @return the code used in {@link CostParameters#assumptions()} and the JSON */
    public String code() {
        return code;
    }

    /** @return the default value */
    public double value() {
        return value;
    }

    /** @return the unit */
    public String unit() {
        return unit;
    }

    /** @return where the number comes from */
    public String basis() {
        return basis;
    }

    /** @return every assumption's default value by code */
    public static java.util.Map<String, Double> defaults() {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        for (Assumptions a : values()) {
            m.put(a.code, a.value);
        }
        return m;
    }
}
