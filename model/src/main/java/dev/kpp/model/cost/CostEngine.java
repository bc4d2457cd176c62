package dev.kpp.model.cost;

import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.calibration.FitReport;
import dev.kpp.model.calibration.ValidationRow;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.rules.ModeStructure;
import dev.kpp.model.scenario.ScenarioParams;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a mode's structure and a scenario into calibrated costs. Every coefficient comes from
 * {@link Calibration}; the forms are in docs/model.md ("Cost models").
 */
public final class CostEngine {
    /** Kernels before 5.4 use the 2019-2020 per-rule costs (docs/model.md, "Kernel eras"). */
    public static final int MODERN_KERNEL_MAJOR = 5;
    public static final int MODERN_KERNEL_MINOR = 4;
    /** Assumed time one request keeps a keep-alive connection busy (conntrack lifetime), s. */
    public static final double REQUEST_SECONDS = 0.02;
    /** Assumed share of connections that end half-closed and linger in CLOSE_WAIT (high end only). */
    public static final double CLOSE_WAIT_SHARE = 0.01;
    /** kube-proxy forces a full resync at least this often when it otherwise syncs partially, s. */
    public static final double FULL_SYNC_INTERVAL_SECONDS = 3600;
    /** Cilium's default TCP connection-tracking map size (bpf-ct-global-tcp-max). */
    public static final long CILIUM_CT_TCP_MAX = 524_288;

    private CostEngine() {
    }

    /** @return true when a kernel uses the 2021+ per-rule costs */
    public static boolean modernKernel(ScenarioParams p) {
        return p.kernel().atLeast(MODERN_KERNEL_MAJOR, MODERN_KERNEL_MINOR);
    }

    /**
     * Computes a mode's costs.
     *
     * @param s   the mode's structure for the scenario's workload
     * @param p   the scenario
     * @param cal the calibration
     * @return costs with bands
     */
    public static ModeCosts costs(ModeStructure s, ScenarioParams p, Calibration cal) {
        ProxyMode mode = s.mode();
        boolean modern = modernKernel(p);
        double rules = s.clusterIp().mean();

        // Added first-packet latency: alpha x rules evaluated (+ IPVS's fixed extra on modern kernels).
        String latencyReport = modern ? Calibration.LATENCY_MODERN : Calibration.LATENCY_LEGACY;
        double latencyUs = modern
                ? cal.alphaModernNs() * rules / 1000.0 + (mode == ProxyMode.IPVS ? cal.betaIpvsUs() : 0)
                : cal.alphaLegacyNs() * rules / 1000.0;
        Estimate latencyMs = Estimate.withFactor(latencyUs / 1000.0, cal.bandFactor(latencyReport));

        // Data-plane CPU: new connections x rules x CPU per rule.
        double lambda = p.newConnectionsPerSecond();
        double alphaCpu = modern ? cal.alphaModernNs() : cal.alphaCpuLegacyNs();
        String cpuReport = modern ? Calibration.LATENCY_MODERN : Calibration.CPU;
        Estimate dataPlane = Estimate.withFactor(lambda * rules * alphaCpu * 1e-9, cal.bandFactor(cpuReport));

        // Sync durations: t0 + c_mode x objects.
        double t0 = cal.syncFixedSeconds();
        double c = cal.syncPerObjectUs(mode) * 1e-6;
        double band = cal.bandFactor(Calibration.syncReport(mode));
        Estimate full = Estimate.withFactor(t0 + c * s.syncObjectsFull(), band);
        // IPVS's syncProxyRules walks every Service on every sync, so a sync after one change takes a full walk.
        Estimate partial = mode == ProxyMode.IPVS ? full : Estimate.withFactor(t0 + c * s.syncObjectsPartial(), band);
        Estimate cold = Estimate.withFactor(t0 + c * s.syncObjectsColdStart(), band);

        // Control-plane CPU: syncs per second x their duration (one sync loop: at most one core).
        double[] rates = syncRates(s, p, full.value(), partial.value());
        Estimate controlPlane = new Estimate(
                Math.min(1.0, rates[0] * full.value() + rates[1] * partial.value()),
                Math.min(1.0, rates[0] * full.low() + rates[1] * partial.low()),
                Math.min(1.0, rates[0] * full.high() + rates[1] * partial.high()));
        Estimate cpu = dataPlane.plus(controlPlane);

        return new ModeCosts(full, partial, cold, cpu, dataPlane.value(), controlPlane.value(), latencyMs,
                conntrack(mode, p), informing(cal, latencyReport, cpuReport, Calibration.syncReport(mode)));
    }

    /**
     * Costs of an add-on chain walk (Calico's policy chains) met by every new connection: latency and
     * data-plane CPU at the same per-rule cost as kube-proxy's rules.
     *
     * @param rulesPerConnection rules the add-on adds to a new connection
     * @return {added latency in ms, CPU in cores}
     */
    public static Estimate[] addOn(double rulesPerConnection, ScenarioParams p, Calibration cal) {
        boolean modern = modernKernel(p);
        String latencyReport = modern ? Calibration.LATENCY_MODERN : Calibration.LATENCY_LEGACY;
        double alphaLatency = modern ? cal.alphaModernNs() : cal.alphaLegacyNs();
        double alphaCpu = modern ? cal.alphaModernNs() : cal.alphaCpuLegacyNs();
        String cpuReport = modern ? Calibration.LATENCY_MODERN : Calibration.CPU;
        return new Estimate[] {
            Estimate.withFactor(alphaLatency * rulesPerConnection * 1e-6, cal.bandFactor(latencyReport)),
            Estimate.withFactor(p.newConnectionsPerSecond() * rulesPerConnection * alphaCpu * 1e-9,
                    cal.bandFactor(cpuReport))};
    }

    /**
     * @return {full syncs per second, partial syncs per second}: periodic syncs every syncPeriod and
     *         event-driven syncs from churn, batched by minSyncPeriod and by the sync's own duration
     */
    static double[] syncRates(ModeStructure s, ScenarioParams p, double fullSeconds, double partialSeconds) {
        double periodic = 1.0 / p.syncPeriodSeconds();
        double churn = p.endpointChangesPerSecond();
        boolean partialCapable = switch (s.mode()) {
            case IPTABLES, NFTABLES -> s.count("partialSync") == 1;
            case IPVS -> false;
            case EBPF -> true;
        };
        double syncSeconds = partialCapable ? partialSeconds : fullSeconds;
        double events = churn / (1 + churn * Math.max(p.minSyncPeriodSeconds(), syncSeconds));
        if (s.mode() == ProxyMode.EBPF) {
            return new double[] {0, events}; // the agent updates maps per event; no periodic rewrite
        }
        if (partialCapable) {
            return new double[] {1.0 / FULL_SYNC_INTERVAL_SECONDS, periodic + events};
        }
        return new double[] {periodic + events, 0};
    }

    /** Conntrack entries of Service connections: each lives for its requests, then TIME_WAIT. */
    static ConntrackEstimate conntrack(ProxyMode mode, ScenarioParams p) {
        double lambda = p.newConnectionsPerSecond();
        double life = p.requestsPerConnection() * REQUEST_SECONDS;
        double timeWait = p.conntrack().tcpTimeWaitTimeoutSeconds();
        double entries = lambda * (timeWait + life);
        double low = lambda * (timeWait / 2 + life);
        double high = entries + CLOSE_WAIT_SHARE * lambda * p.conntrack().tcpCloseWaitTimeoutSeconds();
        long max = mode == ProxyMode.EBPF ? CILIUM_CT_TCP_MAX : p.conntrack().conntrackMax(p.coresPerNode());
        return new ConntrackEstimate(Math.round(entries), max, entries / max, Math.round(low), Math.round(high));
    }

    private static List<String> informing(Calibration cal, String... reportIds) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : reportIds) {
            cal.report(id).map(FitReport::usedRows).orElse(List.of()).stream().map(ValidationRow::benchmarkId)
                    .forEach(ids::add);
        }
        return new ArrayList<>(ids);
    }
}
