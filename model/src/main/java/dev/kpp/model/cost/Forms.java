package dev.kpp.model.cost;

/**
 * The physical forms of every cost, shared by the fits ({@code dev.kpp.model.calibration}) and the predictions
 * ({@link CostEngine}), so what is fitted is exactly what is predicted. Each family's candidate forms are compared
 * by leave-one-out; the chosen one is {@link FamilyParameters#form()}. docs/model.md, section 3, lists them.
 */
public final class Forms {
    /** Family ids. */
    public static final String LATENCY_MODERN = "latency-modern";
    public static final String LATENCY_LEGACY = "latency-legacy";
    public static final String CPU = "cpu";
    public static final String SYNC_IPTABLES = "sync-iptables";
    public static final String SYNC_IPVS = "sync-ipvs";
    public static final String RULE_UPDATE = "rule-update";
    public static final String SYNC_NFTABLES = "sync-nftables";
    public static final String SYNC_EBPF = "sync-ebpf";
    public static final String NETWORK_PROGRAMMING = "network-programming";
    public static final String MEMORY = "memory";

    /** Form ids. */
    public static final String LINEAR = "linear";
    public static final String POWER = "power";
    public static final String QUADRATIC = "quadratic";
    public static final String TWO_TERM = "two-term";
    public static final String TABLE_GROWTH = "table-growth";

    private Forms() {
    }

    /**
     * Time a new connection spends in rule evaluation, ns: {@code alpha x rules}, and with {@link #TABLE_GROWTH}
     * {@code alpha x rules x (1 + tableRules / n_c)}: the per-rule cost grows with the size of the table the rules
     * live in (memory and cache footprint), so even a rule near the top costs more in a large table.
     *
     * @param form       {@link #LINEAR} or {@link #TABLE_GROWTH}
     * @param alpha      ns per rule in a small table
     * @param nC         table size at which the per-rule cost doubles (ignored by {@link #LINEAR})
     * @param rules      rules the connection evaluates
     * @param tableRules rules in the tables it evaluates them in
     */
    public static double perConnectionNs(String form, double alpha, double nC, double rules, double tableRules) {
        double g = TABLE_GROWTH.equals(form) ? 1 + tableRules / nC : 1;
        return alpha * rules * g;
    }

    /** The same with a family's fitted parameters ({@code alpha}, {@code n_c}). */
    public static double perConnectionNs(FamilyParameters f, double rules, double tableRules) {
        return perConnectionNs(f.form(), f.get("alpha"), f.getOrDefault("n_c", Double.POSITIVE_INFINITY), rules,
                tableRules);
    }

    /**
     * iptables sync (one iptables-restore of {@code lines} input lines), s: {@link #LINEAR} {@code t0 + c L},
     * {@link #POWER} {@code t0 + c L^p}, {@link #QUADRATIC} {@code t0 + c L + c2 (L/1e6)^2}; c in us.
     */
    public static double iptablesSyncSeconds(String form, double t0, double c, double third, double lines) {
        return switch (form) {
            case LINEAR -> t0 + c * 1e-6 * lines;
            case POWER -> t0 + c * 1e-6 * Math.pow(lines, third);
            case QUADRATIC -> t0 + c * 1e-6 * lines + third * (lines / 1e6) * (lines / 1e6);
            default -> throw new IllegalArgumentException("iptables form " + form);
        };
    }

    /**
     * What a restarted kube-proxy's first iptables sync adds to a full sync, s: {@code c_restart x L}, the restore
     * lines already in the kernel, each saved, compared and replaced once (linear: one pass over the old rules);
     * c_restart in us per line.
     */
    public static double iptablesRestartExtraSeconds(double cRestart, double existingLines) {
        return cRestart * 1e-6 * existingLines;
    }

    /** The same with a family's fitted parameters ({@code t0}, {@code c}, {@code p} or {@code c2}). */
    public static double iptablesSyncSeconds(FamilyParameters f, double lines) {
        return iptablesSyncSeconds(f.form(), f.get("t0"), f.get("c"), third(f), lines);
    }

    /**
     * IPVS sync, s: {@code t0 + c x objects}, objects = virtual + real servers + ipset entries + iptables rules
     * walked in userspace on every sync; c in us.
     */
    public static double ipvsSyncSeconds(double t0, double c, double objects) {
        return t0 + c * 1e-6 * objects;
    }

    /**
     * One nftables transaction, s: {@code k x (t0 + c1 M)} ({@link #LINEAR}), {@code k x (t0 + c1 M^p)}
     * ({@link #POWER}) or {@code k x (t0 + c1 M + c2 M B)} ({@link #TWO_TERM}: every operation scans the
     * anonymous verdict maps bound so far), M = operations in the transaction, B = verdict maps it binds, k the
     * kernel factor ({@link NftablesKernels}); c1 in us, c2 in ns.
     */
    public static double nftablesSyncSeconds(String form, double t0, double c1, double third, double kernelFactor,
                                             double ops, double binds) {
        double t = switch (form) {
            case LINEAR -> t0 + c1 * 1e-6 * ops;
            case POWER -> t0 + c1 * 1e-6 * Math.pow(ops, third);
            case TWO_TERM -> t0 + c1 * 1e-6 * ops + third * 1e-9 * ops * binds;
            default -> throw new IllegalArgumentException("nftables form " + form);
        };
        return kernelFactor * t;
    }

    /** The same with a family's fitted parameters ({@code t0}, {@code c1}, {@code p} or {@code c2}, {@code k_6_12}). */
    public static double nftablesSyncSeconds(FamilyParameters f, boolean fastKernel, double ops, double binds) {
        return nftablesSyncSeconds(f.form(), f.get("t0"), f.get("c1"), third(f),
                fastKernel ? f.get("k_6_12") : 1.0, ops, binds);
    }

    /** eBPF map update, s: {@code c x entries written}; c in us per entry. */
    public static double ebpfUpdateSeconds(double cEntry, double entries) {
        return cEntry * 1e-6 * entries;
    }

    /**
     * kube-proxy's resident memory, MiB: {@code m0 + m_state x (Services + endpoints) + m_tx x objects of the
     * largest transaction it builds}; m_state and m_tx in KiB.
     */
    public static double memoryMiB(double m0, double mState, double mTx, double stateObjects, double txObjects) {
        return m0 + (mState * stateObjects + mTx * txObjects) / 1024.0;
    }

    private static double third(FamilyParameters f) {
        return switch (f.form()) {
            case POWER -> f.get("p");
            case QUADRATIC, TWO_TERM -> f.get("c2");
            default -> 0;
        };
    }
}
