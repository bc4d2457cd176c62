package dev.kpp.model.cost;

import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.rules.ModeStructure;
import dev.kpp.model.rules.RuleCountStats;
import dev.kpp.model.rules.Workload;
import dev.kpp.model.scenario.ScenarioParams;

import java.util.List;

/**
 * Turns a mode's structure and a scenario into calibrated costs. Every coefficient comes from the fitted
 * {@link CostParameters}; every form from {@link Forms}; every version and kernel dependence from
 * {@link KubeProxyReleases} and {@link NftablesKernels}. docs/model.md, section 3.
 */
public final class CostEngine {
    /** Reason codes an estimate may carry besides a family's own. */
    public static final String REASON_NO_MODE_DATA = "no-mode-data";
    public static final String REASON_NOT_MEASURED = "not-measured";

    private CostEngine() {
    }

    /** @return true when a kernel uses the 2021+ per-rule costs (kernel 5.4 and later, {@link Assumptions#MODERN_KERNEL}) */
    public static boolean modernKernel(ScenarioParams p, CostParameters cp) {
        return p.kernel().asNumber() >= cp.assumption(Assumptions.MODERN_KERNEL.code()) - 1e-9;
    }

    /**
     * Computes a mode's costs.
     *
     * @param s        the mode's structure for the workload
     * @param workload the workload (its Services and endpoints size kube-proxy's memory)
     * @param p        the scenario
     * @param cp       the fitted parameters
     * @return costs with bands
     */
    public static ModeCosts costs(ModeStructure s, Workload workload, ScenarioParams p, CostParameters cp) {
        ProxyMode mode = s.mode();
        double services = Math.max(1, workload.servicePorts());
        boolean modern = modernKernel(p, cp);
        FamilyParameters lat = cp.family(modern ? Forms.LATENCY_MODERN : Forms.LATENCY_LEGACY);
        double table = tableRules(s);

        // ---- data plane: latency and CPU per new connection
        Latency l = new Latency(lat, mode, modern, table, services);
        RuleCountStats ci = s.clusterIp();
        RuleCountStats np = s.nodePort();
        Estimate mean = l.ms(ci.mean());
        Estimate p50 = l.ms(ci.p50());
        Estimate p90 = l.ms(ci.p90());
        Estimate p99 = l.ms(ci.p99());
        Estimate ciFirst = l.ms(ci.first());
        Estimate ciLast = l.ms(ci.worst());
        Estimate npFirst = np.worst() == 0 ? Estimate.exact(0) : l.ms(np.first());
        Estimate npLast = np.worst() == 0 ? Estimate.exact(0) : l.ms(np.worst());
        Estimate cpuPerConnUs = cpuPerConnectionNs(s, p, cp, modern, table, services).times(1e-3);
        Estimate dataPlane = cpuPerConnUs.times(p.newConnectionsPerSecond() * 1e-6);

        // ---- control plane: sync durations and how often they run
        Syncs syncs = syncs(s, p, cp, services);
        Rates rates = rates(s, p, syncs);
        Estimate controlPlane = capAtOneCore(syncs.full.times(rates.full).plus(syncs.partial.times(rates.partial)));
        Estimate cpu = dataPlane.plus(controlPlane);

        Estimate[] npl = networkProgramming(s, p, cp, syncs, rates, services);
        Estimate memory = memory(s, workload, cp, services);

        List<String> ids = Bases.union(mean.basis(), cpu.basis(), syncs.full.basis(), syncs.partial.basis(),
                npl[0].basis(), memory.basis());
        return new ModeCosts(syncs.full, syncs.partial, syncs.cold, cpu, dataPlane.value(), controlPlane.value(), mean,
                conntrack(mode, p, cp), ids, syncs.restart, p50, p90, p99, ciFirst, ciLast, npFirst,
                npLast, cpuPerConnUs, npl[0], npl[1], memory);
    }

    /**
     * Costs of an add-on chain walk (Calico's policy chains) met by every new connection: latency and data-plane
     * CPU at the per-rule cost of the kernel era (small chains: no table-size term).
     *
     * @param rulesPerConnection rules the add-on adds to a new connection
     * @return {added latency in ms, CPU in cores}
     */
    public static Estimate[] addOn(double rulesPerConnection, ScenarioParams p, CostParameters cp) {
        boolean modern = modernKernel(p, cp);
        FamilyParameters lat = cp.family(modern ? Forms.LATENCY_MODERN : Forms.LATENCY_LEGACY);
        double latNs = Forms.perConnectionNs(lat, rulesPerConnection, 0);
        double cpuNs;
        FamilyParameters cpuFam;
        if (modern) {
            cpuNs = latNs;
            cpuFam = lat;
        } else {
            cpuFam = cp.family(Forms.CPU);
            cpuNs = cpuFam.get("alpha_cpu") * rulesPerConnection;
        }
        return new Estimate[] {lat.estimate(latNs * 1e-6, Double.NaN),
            cpuFam.estimate(p.newConnectionsPerSecond() * cpuNs * 1e-9, Double.NaN)};
    }

    /** Rules in the tables a connection is evaluated against (the table-size term of the per-rule cost). */
    public static double tableRules(ModeStructure s) {
        return switch (s.mode()) {
            case IPTABLES -> s.count("nat") + s.count("filter");
            case IPVS -> s.rulesTotal(); // the constant set of ipset-matching iptables rules
            case NFTABLES -> s.breakdown().getOrDefault("rules/base", 0L); // the base chains a connection walks;
            // the per-Service chains it does not walk are reached through verdict maps
            case EBPF -> 0; // hash-map lookups; no linear table
        };
    }

    /** Latency of a number of rule evaluations for one mode. */
    private record Latency(FamilyParameters lat, ProxyMode mode, boolean modern, double table, double services) {
        Estimate ms(double rules) {
            double ns = Forms.perConnectionNs(lat, rules, table);
            if (modern && mode == ProxyMode.IPVS) {
                ns += lat.get("beta_ipvs") * 1000; // IPVS's own per-connection work (us)
            }
            Estimate e = lat.estimate(ns * 1e-6, services);
            return mode == ProxyMode.EBPF ? e.capped(Estimate.Confidence.LOW, REASON_NO_MODE_DATA) : e;
        }
    }

    private static Estimate cpuPerConnectionNs(ModeStructure s, ScenarioParams p, CostParameters cp, boolean modern,
                                               double table, double services) {
        double rules = s.clusterIp().mean();
        if (modern) {
            // at low load the per-rule latency gap is CPU time on the packet path (no 2021+ CPU benchmark exists)
            FamilyParameters lat = cp.family(Forms.LATENCY_MODERN);
            Estimate e = lat.estimate(Forms.perConnectionNs(lat, rules, table), services);
            return s.mode() == ProxyMode.EBPF ? e.capped(Estimate.Confidence.LOW, REASON_NO_MODE_DATA) : e;
        }
        FamilyParameters cpu = cp.family(Forms.CPU);
        FamilyParameters legacy = cp.family(Forms.LATENCY_LEGACY);
        double growth = Forms.TABLE_GROWTH.equals(legacy.form()) ? 1 + table / legacy.get("n_c") : 1;
        Estimate e = cpu.estimate(cpu.get("alpha_cpu") * rules * growth, services);
        return s.mode() == ProxyMode.EBPF ? e.capped(Estimate.Confidence.LOW, REASON_NO_MODE_DATA) : e;
    }

    /** Sync durations of one mode. */
    record Syncs(Estimate full, Estimate partial, Estimate cold, Estimate restart) {
    }

    static Syncs syncs(ModeStructure s, ScenarioParams p, CostParameters cp, double services) {
        boolean partialCapable = KubeProxyReleases.partialSyncs(s.mode(), p.kubernetesVersion());
        switch (s.mode()) {
            case IPTABLES: {
                FamilyParameters f = cp.family(Forms.SYNC_IPTABLES);
                Estimate full = f.estimate(Forms.iptablesSyncSeconds(f, s.syncObjectsFull()), services);
                Estimate partial = partialCapable
                        ? f.estimate(Forms.iptablesSyncSeconds(f, s.syncObjectsPartial()), services) : full;
                // a restart saves, compares and replaces every line already in the kernel: c_restart x L on top of a
                // full sync (fitted on the one restart measurement there is, NEW-031)
                Estimate restart = f.estimate(Forms.iptablesSyncSeconds(f, s.syncObjectsFull())
                        + Forms.iptablesRestartExtraSeconds(f.get("c_restart"), s.syncObjectsFull()), services)
                        .capped(Estimate.Confidence.LOW, "sole-support");
                return new Syncs(full, partial, full, restart);
            }
            case IPVS: {
                FamilyParameters f = cp.family(Forms.SYNC_IPVS);
                // every sync walks every Service, ipset and real server in userspace
                Estimate full = f.estimate(Forms.ipvsSyncSeconds(f.get("t0"), f.get("c"), s.syncObjectsFull()),
                        services);
                return new Syncs(full, full, full, full);
            }
            case NFTABLES: {
                FamilyParameters f = cp.family(Forms.SYNC_NFTABLES);
                boolean fast = NftablesKernels.fastTransactions(p.kernel());
                double binds = s.count("numgenMaps");
                Estimate full = f.estimate(Forms.nftablesSyncSeconds(f, fast, s.count("txFlushAdd"), binds), services);
                Estimate partial = partialCapable
                        ? f.estimate(Forms.nftablesSyncSeconds(f, fast, s.count("txOneService"), 1), services) : full;
                Estimate cold = f.estimate(Forms.nftablesSyncSeconds(f, fast, s.count("txCreate"), binds), services);
                // Before 1.33 a restarted kube-proxy flushes and re-adds everything (kubernetes/kubernetes#130119);
                // after, no measurement exists: kpp shows the cold-start cost as a conservative figure
                Estimate restart = KubeProxyReleases.nftablesRestartReconciles(p.kubernetesVersion())
                        ? cold.capped(Estimate.Confidence.LOW, REASON_NOT_MEASURED) : full;
                return new Syncs(full, partial, cold, restart);
            }
            case EBPF: {
                FamilyParameters f = cp.family(Forms.SYNC_EBPF);
                // no periodic rewrite: "full" is writing every map entry, which only the start-up does
                Estimate all = f.estimate(Forms.ebpfUpdateSeconds(f.get("c_entry"), s.syncObjectsFull()), services);
                Estimate one = f.estimate(Forms.ebpfUpdateSeconds(f.get("c_entry"), s.syncObjectsPartial()), services);
                return new Syncs(all, one, all, all.capped(Estimate.Confidence.LOW, REASON_NOT_MEASURED));
            }
            default:
                throw new IllegalStateException(s.mode().toString());
        }
    }

    /** Syncs per second of each kind. */
    record Rates(double full, double partial) {
        double total() {
            return full + partial;
        }
    }

    /**
     * Periodic syncs ({@link KubeProxyReleases#periodicSyncSeconds}) and event syncs from churn, batched by
     * minSyncPeriod and by the sync's own duration: {@code c / (1 + c max(minSyncPeriod, t_sync))}. Partial-capable
     * modes force a full sync every {@link KubeProxyReleases#FULL_SYNC_PERIOD_SECONDS}.
     */
    static Rates rates(ModeStructure s, ScenarioParams p, Syncs syncs) {
        ProxyMode mode = s.mode();
        double churn = p.endpointChangesPerSecond();
        boolean partialCapable = KubeProxyReleases.partialSyncs(mode, p.kubernetesVersion());
        double periodic = 1.0 / KubeProxyReleases.periodicSyncSeconds(mode, p.kubernetesVersion(),
                p.syncPeriodSeconds());
        if (mode == ProxyMode.EBPF) {
            return new Rates(0, churn); // the agent updates its maps per event; nothing periodic
        }
        double eventSync = partialCapable ? syncs.partial.value() : syncs.full.value();
        double events = churn / (1 + churn * Math.max(p.minSyncPeriodSeconds(), eventSync));
        double fullEvery = 1.0 / KubeProxyReleases.FULL_SYNC_PERIOD_SECONDS;
        if (!partialCapable) {
            return new Rates(periodic + events, 0);
        }
        if (mode == ProxyMode.IPTABLES) {
            // from 1.25 the periodic sync is the hourly one, and it is full
            return new Rates(Math.max(periodic, fullEvery), events);
        }
        return new Rates(fullEvery, periodic + events); // nftables: partial every syncPeriod, full hourly
    }

    private static Estimate capAtOneCore(Estimate e) {
        return new Estimate(Math.min(1.0, e.value()), Math.min(1.0, e.low()), Math.min(1.0, e.high()),
                e.confidence(), e.reason(), e.basis());
    }

    /**
     * Network programming latency p50 and p99 ({@link NetworkProgramming}): the change waits for the sync loop
     * (cycle max(minSyncPeriod, mean sync), with the loop's utilisation as the chance of waiting) and is applied by
     * a partial or full sync in the proportion they run. The eBPF agent applies events as they come (no cycle).
     */
    static Estimate[] networkProgramming(ModeStructure s, ScenarioParams p, CostParameters cp, Syncs syncs,
                                         Rates rates, double services) {
        FamilyParameters f = cp.family(Forms.NETWORK_PROGRAMMING);
        double nRef = cp.assumption(Assumptions.NPL_REFERENCE_NODES.code());
        double mu = f.get("mu_ref") * Math.pow(p.nodes() / nRef, f.get("kappa"));
        double band = f.bandFactor();
        Estimate[] out = new Estimate[2];
        double[] qs = {0.5, 0.99};
        Estimate.Confidence c = Estimate.lower(f.confidence(), syncs.full.confidence());
        String why = f.confidence() == Estimate.Confidence.LOW ? f.reason() : syncs.full.reason();
        List<String> basis = Bases.append(f.basis(), syncs.full.basis());
        for (int i = 0; i < 2; i++) {
            double v = nplQuantile(qs[i], s.mode(), p, mu, syncs.partial.value(), syncs.full.value(), rates);
            double lo = nplQuantile(qs[i], s.mode(), p, mu / band, syncs.partial.low(), syncs.full.low(), rates);
            double hi = nplQuantile(qs[i], s.mode(), p, mu * band, syncs.partial.high(), syncs.full.high(), rates);
            Estimate e = new Estimate(v, Math.min(lo, v), Math.max(hi, v), c, why, basis);
            out[i] = s.mode() == ProxyMode.EBPF || s.mode() == ProxyMode.IPVS
                    ? e.capped(Estimate.Confidence.LOW, REASON_NO_MODE_DATA) : e;
        }
        return out;
    }

    private static double nplQuantile(double q, ProxyMode mode, ScenarioParams p, double mu, double partial,
                                      double full, Rates rates) {
        if (mode == ProxyMode.EBPF) {
            return NetworkProgramming.quantile(q, mu, 0, 0, new double[] {partial}, new double[] {1});
        }
        double total = rates.total();
        double fullShare = total > 0 ? rates.full / total : 1;
        double meanSync = fullShare * full + (1 - fullShare) * partial;
        double cycle = Math.max(p.minSyncPeriodSeconds(), meanSync);
        double pWait = Math.min(1.0, total * cycle);
        if (rates.partial <= 0) {
            return NetworkProgramming.quantile(q, mu, cycle, pWait, new double[] {full}, new double[] {1});
        }
        return NetworkProgramming.quantile(q, mu, cycle, pWait, new double[] {partial, full},
                new double[] {1 - fullShare, fullShare});
    }

    /**
     * Proxy memory: {@code m0 + m_state x (Service ports + endpoints) + m_tx x objects of the largest transaction
     * the mode builds} (iptables: the full restore input; nftables: the full transaction; IPVS: the ipset restore
     * and the servers it compares). eBPF: Cilium's agent is not kube-proxy; its state term is shown, low confidence.
     */
    static Estimate memory(ModeStructure s, Workload w, CostParameters cp, double services) {
        FamilyParameters f = cp.family(Forms.MEMORY);
        double state = w.servicePorts() + w.endpointPorts();
        double tx = switch (s.mode()) {
            case IPTABLES -> s.syncObjectsFull();
            case NFTABLES -> s.count("txFlushAdd");
            case IPVS -> s.count("ipsetEntries") + s.count("virtualServers") + s.count("realServers");
            case EBPF -> 0;
        };
        Estimate e = f.estimate(Forms.memoryMiB(f.get("m0"), f.get("m_state"), f.get("m_tx"), state, tx), services);
        return s.mode() == ProxyMode.EBPF ? e.capped(Estimate.Confidence.LOW, REASON_NO_MODE_DATA) : e;
    }

    /** Conntrack entries of Service connections: each lives for its requests, then TIME_WAIT. */
    static ConntrackEstimate conntrack(ProxyMode mode, ScenarioParams p, CostParameters cp) {
        double lambda = p.newConnectionsPerSecond();
        double life = p.requestsPerConnection() * cp.assumption(Assumptions.REQUEST_SECONDS.code());
        double timeWait = p.conntrack().tcpTimeWaitTimeoutSeconds();
        double entries = lambda * (timeWait + life);
        double low = lambda * (timeWait * cp.assumption(Assumptions.TIME_WAIT_REUSE_SHARE.code()) + life);
        double high = entries + cp.assumption(Assumptions.CLOSE_WAIT_SHARE.code()) * lambda
                * p.conntrack().tcpCloseWaitTimeoutSeconds();
        long max = mode == ProxyMode.EBPF ? Math.round(cp.assumption(Assumptions.CILIUM_CT_TCP_MAX.code()))
                : p.conntrack().conntrackMax(p.coresPerNode());
        return new ConntrackEstimate(Math.round(entries), max, entries / max, Math.round(low), Math.round(high));
    }
}
