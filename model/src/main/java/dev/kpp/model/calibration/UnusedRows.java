package dev.kpp.model.calibration;

import dev.kpp.model.cost.Forms;

import java.util.Locale;
import java.util.Set;

/**
 * Why a dataset row is not used by any fit: a reason code (what the app renders), an English note (what
 * {@code kpp validate} prints) and the family it belongs with. Every row is either used, a structural check or
 * listed here ({@code CalibrationTest} checks that none is left out).
 */
final class UnusedRows {
    /**
     * Rows a family's selection would take but that measure something else; each with its reason below.
     */
    private static final Set<String> EXCLUDED = Set.of("GH-15", "GH-21", "SEED-02", "SEED-04");
    /** Excluded rows the validation table still shows against the fit, so the disagreement is visible. */
    private static final Set<String> SHOWN = Set.of("SEED-02", "SEED-04");

    private UnusedRows() {
    }

    /** A reason. */
    record Reason(String family, String code, String note) {
    }

    /** @return true when a row a family would select is excluded on purpose */
    static boolean excluded(BenchmarkPoint p) {
        return EXCLUDED.contains(p.id());
    }

    /** @return true when an excluded row is still predicted and shown in kpp validate */
    static boolean shownAgainstFit(BenchmarkPoint p) {
        return SHOWN.contains(p.id());
    }

    /** @return the reason a row is not used */
    static Reason reason(BenchmarkPoint p) {
        String id = p.id();
        String metric = p.metric().toLowerCase(Locale.ROOT);
        String mode = p.mode().toLowerCase(Locale.ROOT);
        if (metric.startsWith("derived_") || metric.endsWith("_mean_of_runs") || id.equals("NEW-059")) {
            return new Reason(family(p), "derived", "derived from rows the fits use (shown against the fit)");
        }
        if (metric.contains("keepalive") && metric.contains("round_trip") && !metric.contains("no_keepalive")) {
            return new Reason(Forms.LATENCY_LEGACY, "within-resolution", "keep-alive latency is flat within the "
                    + "chart's resolution; the keep-alive property test checks the amortisation");
        }
        if (LatencyLegacyRows.isLatency(p)) {
            if (mode.equals("ipvs")) {
                return new Reason(Forms.LATENCY_LEGACY, "contention", "IPVS evaluates a constant number of rules; its "
                        + "latency growth here tracks the node's CPU increase (TIG-40..42), i.e. contention, which the "
                        + "latency model does not include (docs/model.md)");
            }
            if (mode.startsWith("ebpf")) {
                return new Reason(Forms.LATENCY_LEGACY, "within-resolution", "flat within the chart's resolution: "
                        + "eBPF's lookups do not depend on Services (checked by the flat-cost property test)");
            }
            return new Reason(Forms.LATENCY_LEGACY, "baseline", "baseline of the differences (the source's smallest "
                    + "cluster), or a difference within the chart's reading resolution");
        }
        if (metric.equals("client_node_total_cpu_no_keepalive")) {
            return new Reason(Forms.CPU, "totals", "totals include the client workload; the fit uses the increases "
                    + "(TIG-37..42) read from the same chart");
        }
        if (metric.startsWith("client_node_cpu_increase")) {
            return new Reason(Forms.CPU, id.equals("TIG-45") ? "estimate" : "duplicate", id.equals("TIG-45")
                    ? "the authors' estimate, not a measurement; the keep-alive test checks the amortisation"
                    : "quoted rounding of the chart points TIG-39/TIG-42, which the fit uses");
        }
        if (id.startsWith("CIL18-") || metric.contains("throughput") || metric.contains("performance_gain")
                || metric.contains("throughput_penalty")) {
            return new Reason(Forms.CPU, "throughput", "packet forwarding throughput; kpp models per-connection "
                    + "cost, not bandwidth or packets per second");
        }
        if (mode.contains("generic")) {
            return new Reason(mode.startsWith("nftables") ? Forms.SYNC_NFTABLES : Forms.LATENCY_LEGACY, "generic",
                    "generic netfilter measurement, not kube-proxy's ruleset; a plausibility bound (docs/model.md)");
        }
        if (mode.contains("kube-nftlb") || mode.contains("nftlb")) {
            return new Reason(Forms.SYNC_NFTABLES, "third-party", "a third-party load balancer, not kube-proxy's "
                    + "nftables mode");
        }
        if (metric.startsWith("time_to_delete_service_rules")) {
            return new Reason(Forms.SYNC_IPTABLES, "includes-termination", "delete time includes endpoint "
                    + "termination, not only the sync");
        }
        if (metric.startsWith("time_to_create_10k_services")) {
            return new Reason(Forms.SYNC_NFTABLES, "cumulative", "cumulative time over the syncs of creating 10,000 "
                    + "Services; how many syncs ran is not stated");
        }
        if (metric.startsWith("in_cluster_network_latency")) {
            return new Reason(Forms.NETWORK_PROGRAMMING, "application", "probe round trip including the "
                    + "application; not a proxy cost");
        }
        switch (id) {
            case "SEED-02", "SEED-04":
                return new Reason(Forms.SYNC_IPVS, "contradicted", "the seed table's IPVS times (about 0.02 s at 1,000 "
                        + "and 0.1 s at 10,000 Services; approximate, without source, version, endpoints or hardware) "
                        + "are 10-25x below two independent measurements of kube-proxy's IPVS sync that agree with "
                        + "each other: Tigera's resync CPU (TIG-40..42) and kubernetes#84906 (GH-16); shown against "
                        + "the fit");
            case "GH-15":
                return new Reason(Forms.SYNC_IPVS, "bug", "a bug (a local-address check per external IP), fixed by "
                        + "the change GH-16 measures");
            case "GH-17":
                return new Reason(Forms.SYNC_IPVS, "not-kube-proxy", "kube-router's IPVS proxy, not kube-proxy");
            case "GH-18":
                return new Reason(Forms.SYNC_IPVS, "not-a-sync", "external-IP port binding rate of a 2017 beta; not a "
                        + "sync");
            case "GH-19", "GH-20", "HUAWEI-01", "NEW-043", "NEW-044":
                return new Reason(Forms.SYNC_IPTABLES, "old-algorithm", "pre-2017 update algorithm (a save/restore or "
                        + "an iptables command per Service or rule), replaced by one iptables-restore per sync");
            case "GH-21":
                return new Reason(Forms.SYNC_IPTABLES, "conditions-missing", "Services not stated ('15 endpoints "
                        + "update', 2016 code)");
            case "GH-22":
                return new Reason(Forms.SYNC_IPTABLES, "lower-bound", "a lower bound with unstated conditions");
            case "GH-23":
                return new Reason(Forms.LATENCY_LEGACY, "upper-bound", "an upper bound on response time including "
                        + "the application");
            case "NEW-045":
                return new Reason(Forms.SYNC_IPVS, "lower-bound", "a lower bound while creating Services with one "
                        + "ipset call per entry (fixed in kubernetes#93445); not a steady-state sync");
            case "NEW-046":
                return new Reason(Forms.NETWORK_PROGRAMMING, "conditions-missing", "IPVS endpoint propagation measured "
                        + "by a polling script (k8s 1.12); Services, minSyncPeriod and sync durations not stated");
            case "NEW-047":
                return new Reason(Forms.SYNC_IPVS, "share", "a profile share of IPVS sync CPU in two functions, not a "
                        + "time");
            case "NEW-048":
                return new Reason(Forms.SYNC_IPTABLES, "structural", "a count of iptables invocations per sync; the "
                        + "fitted t0 covers them");
            case "NEW-049":
                return new Reason(Forms.SYNC_IPTABLES, "anecdote", "a recollection without cluster size");
            case "NEW-050":
                return new Reason(Forms.CPU, "conditions-missing", "kube-proxy CPU at the 99th percentile after a load "
                        + "test; Services and churn not stated");
            case "NEW-051", "NEW-052":
                return new Reason(Forms.MEMORY, "share", "a share of ruleset content or memory, not a quantity");
            case "NEW-053", "NEW-054", "NEW-055":
                return new Reason(Forms.MEMORY, "conditions-missing", "memory at OOM in a 5,000-node cluster; "
                        + "Services not stated");
            case "NEW-064", "NEW-065", "NEW-066":
                return new Reason(Forms.MEMORY, "not-modelled", "Cilium's CT map sizing from node memory; kpp uses "
                        + "the default TCP CT map size");
            case "NEW-067":
                return new Reason(Forms.MEMORY, "not-modelled", "CT map default of the latest docs (1M); kpp uses the "
                        + "v1.20.2 copy's 512k TCP entries (assumption cilium-ct-tcp-max)");
            case "NEW-069":
                return new Reason(Forms.MEMORY, "not-kubernetes", "a standalone L4 load balancer, not Kubernetes "
                        + "Service proxying");
            case "NEW-070", "NEW-071", "NEW-072":
                return new Reason(Forms.MEMORY, "not-modelled", "kernel conntrack defaults and entry size; kpp takes "
                        + "nf_conntrack_max from kube-proxy's settings (maxPerCore, min)");
            case "NEW-075":
                return new Reason(Forms.NETWORK_PROGRAMMING, "not-a-sync", "pod start-up latency (scheduling, "
                        + "endpoint programming); not a Service sync");
            case "NEW-105":
                return new Reason(Forms.CPU, "share", "a share of CPU in a code path fixed around 1.19; scale not "
                        + "stated");
            default:
                break;
        }
        if (metric.startsWith("vendor_guidance")) {
            return new Reason(Forms.SYNC_IPTABLES, "guidance", "vendor guidance (a threshold), not a measurement");
        }
        if (metric.contains("max_services") || metric.contains("lines_") || metric.contains("_lines")
                || metric.contains("total_endpoints_where") || metric.equals("iptables_rules_per_node")) {
            return new Reason(Calibration.STRUCTURE, "capacity", "a scale or capacity observation, not a time or "
                    + "CPU measurement");
        }
        if (id.startsWith("USE-")) {
            return new Reason(Forms.LATENCY_LEGACY, "generic", "generic ipt_do_table cycles in a VM; clock speed not "
                    + "stated, so no time per rule");
        }
        return new Reason(Calibration.STRUCTURE, "not-modelled", "not a quantity kpp models");
    }

    private static String family(BenchmarkPoint p) {
        String m = p.metric().toLowerCase(Locale.ROOT);
        if (m.contains("kube-services_rule") || m.contains("time_per_rule") || m.contains("cycles_per_rule")) {
            return p.year() >= 2021 ? Forms.LATENCY_MODERN : Forms.LATENCY_LEGACY;
        }
        if (m.contains("cpu")) {
            return Forms.CPU;
        }
        if (m.contains("heap") || m.contains("memory")) {
            return Forms.MEMORY;
        }
        if (p.mode().equals("nftables")) {
            return Forms.SYNC_NFTABLES;
        }
        return Forms.LATENCY_LEGACY;
    }

    /** Which rows are legacy latency points (used, baselines, or not used). */
    static final class LatencyLegacyRows {
        private LatencyLegacyRows() {
        }

        static boolean isLatency(BenchmarkPoint p) {
            return Families.LatencyLegacy.usable(p);
        }
    }
}
