package dev.kpp.model.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The dataset rows no fit uses, each with the report it belongs to and the reason (kpp validate). */
final class UnusedRows {
    private UnusedRows() {
    }

    static void classify(BenchmarkDataset data, List<Observation> m, List<Observation> l,
                                       List<Observation> c, Map<String, List<ValidationRow>> out) {
        java.util.Set<String> used = new java.util.HashSet<>();
        for (List<Observation> list : List.of(m, l, c)) {
            for (Observation o : list) {
                used.add(o.point().id());
            }
        }
        for (BenchmarkPoint p : data.points()) {
            if (used.contains(p.id()) || p.id().startsWith("RULES-") || isStructureRow(p)) {
                continue;
            }
            String[] where = unusedReason(p);
            out.computeIfAbsent(where[0], k -> new ArrayList<>()).add(new ValidationRow(p.id(),
                    p.kernelOrVersion(), p.services().orElse(Double.NaN), p.value(), Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, false, where[1]));
        }
    }

    static boolean isStructureRow(BenchmarkPoint p) {
        return p.metric().equals("avg_rules_executed_per_connection") && p.mode().equals("iptables")
                || p.metric().equals("rules_executed_per_new_connection");
    }

    /** @return {report id, reason} for a row no fit uses */
    static String[] unusedReason(BenchmarkPoint p) {
        String id = p.id();
        String metric = p.metric();
        if (id.startsWith("K8SNFT-") && p.mode().equals("nftables")) {
            return new String[] {Calibration.LATENCY_MODERN, "baseline input of the iptables/IPVS points at the same percentile"};
        }
        if (metric.startsWith("derived_")) {
            return new String[] {id.startsWith("K8SNFT") ? Calibration.LATENCY_MODERN : Calibration.LATENCY_LEGACY,
                "derived from chart points the fit already uses"};
        }
        if (metric.contains("keepalive") && metric.contains("round_trip")) {
            return new String[] {Calibration.LATENCY_LEGACY, "keep-alive latency is flat within the chart's resolution; "
                    + "checked as a property (keep-alive never increases cost), not fitted"};
        }
        if (metric.equals("client_node_total_cpu_no_keepalive")) {
            return new String[] {Calibration.CPU, "absolute totals include the client workload; the fit uses the increases "
                    + "(TIG-37..42) derived from the same chart"};
        }
        if (metric.startsWith("client_node_cpu_increase")) {
            return new String[] {Calibration.CPU, id.equals("TIG-45") ? "the authors' estimate, not a measurement; checked "
                    + "by the keep-alive test" : "quoted rounding of the chart points TIG-39/TIG-42"};
        }
        if (p.mode().equals("calico-iptables-policy")) {
            return new String[] {Calibration.STRUCTURE, "Calico rules come from the structural add-on (checked in tests)"};
        }
        if (id.startsWith("CIL18-")) {
            return new String[] {Calibration.CPU, "per-packet forwarding capacity of one service, not per-connection cost"};
        }
        if (id.startsWith("USE-")) {
            return new String[] {Calibration.LATENCY_LEGACY, "generic ipt_do_table cycles in a VM; a plausibility bound only"};
        }
        if (id.startsWith("NFTLB-")) {
            return new String[] {id.endsWith("01") || p.mode().equals("iptables") ? Calibration.SYNC_IPTABLES : Calibration.SYNC_NFTABLES,
                p.mode().equals("iptables") ? "delete time includes endpoint termination, not only the sync"
                        : "kube-nftlb is a third-party load balancer, not kube-proxy's nftables mode"};
        }
        if (id.startsWith("KEP3453-") || metric.startsWith("network_programming")) {
            return new String[] {Calibration.SYNC_IPTABLES, "network programming latency includes minSyncPeriod batching and "
                    + "API propagation, not only sync time"};
        }
        if (metric.startsWith("in_cluster_network_latency")) {
            return new String[] {Calibration.LATENCY_MODERN, "probe round trip including the application; not a proxy cost"};
        }
        if (id.equals("GH-07")) {
            return new String[] {Calibration.SYNC_NFTABLES, "development build before partial sync (PR #126013): every sync re-sent "
                    + "and listed the whole table; not representative of released nftables mode"};
        }
        if (id.equals("GH-05") || id.equals("GH-06")) {
            return new String[] {Calibration.SYNC_NFTABLES, "cumulative time over thousands of syncs while creating services"};
        }
        if (id.equals("GH-15")) {
            return new String[] {Calibration.SYNC_IPVS, "a bug (per-externalIP local-address check), fixed by GH-16's change"};
        }
        if (id.equals("GH-17")) {
            return new String[] {Calibration.SYNC_IPVS, "kube-router's IPVS proxy, not kube-proxy"};
        }
        if (id.equals("GH-18")) {
            return new String[] {Calibration.SYNC_IPVS, "external-IP port binding rate of a 2017 beta; not a sync"};
        }
        if (id.equals("HUAWEI-01") || id.equals("GH-19") || id.equals("GH-20")) {
            return new String[] {Calibration.SYNC_IPTABLES, "pre-2017 per-rule update algorithm (no single iptables-restore)"};
        }
        if (id.equals("GH-21")) {
            return new String[] {Calibration.SYNC_IPTABLES, "conditions too vague ('15 endpoints update', 2016 code)"};
        }
        if (id.equals("GH-22")) {
            return new String[] {Calibration.SYNC_IPTABLES, "a lower bound with unstated conditions"};
        }
        if (id.equals("GH-23")) {
            return new String[] {Calibration.LATENCY_LEGACY, "an upper bound on response time including the application"};
        }
        if (id.equals("GH-24") || id.equals("IPVSBLOG-01")) {
            return new String[] {Calibration.STRUCTURE, "a scale observation, not a measurement of time or Calibration.CPU"};
        }
        return new String[] {Calibration.STRUCTURE, "not a quantity kpp models"};
    }
}
