package dev.kpp.model.calibration;

import dev.kpp.model.inventory.ProxyMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns dataset rows into fit observations: the measurement, the structural features of the
 * measured setup (rules a connection meets, sync objects) and the source's weight. Conditions a
 * source leaves out are assumed and written into the observation's conditions (docs/model.md 3.5).
 */
final class Observations {
    private Observations() {
    }

    static List<Observation> modern(BenchmarkDataset data) {
        List<Observation> out = new ArrayList<>();
        double[] qs = {0.01, 0.50, 0.90, 0.99};
        String[] names = {"p01", "p50", "p90", "p99"};
        double rNft = Features.rulesMean(ProxyMode.NFTABLES, 5000, 2, Calibration.V_NFT_BLOG);
        for (String modeId : new String[] {"iptables", "ipvs"}) {
            ProxyMode mode = ProxyMode.fromId(modeId);
            for (int i = 0; i < qs.length; i++) {
                String metric = "first_packet_round_trip_time_" + names[i];
                for (BenchmarkPoint p : data.select(r -> r.id().startsWith("K8SNFT-") && r.mode().equals(modeId)
                        && r.metric().equals(metric))) {
                    long s = (long) p.services().orElseThrow();
                    Optional<BenchmarkPoint> base = data.points().stream().filter(r -> r.id().startsWith("K8SNFT-")
                            && r.mode().equals("nftables") && r.metric().equals(metric)
                            && r.services().isPresent() && r.services().getAsDouble() == s).findFirst();
                    if (base.isEmpty()) {
                        continue;
                    }
                    double r = Features.rulesQuantile(mode, s, 2, Calibration.V_NFT_BLOG, qs[i]);
                    out.add(new Observation(Calibration.LATENCY_MODERN, p, p.value(),
                            new double[] {base.get().value(), r, rNft, mode == ProxyMode.IPVS ? 1 : 0}, Calibration.STRONG, s,
                            modeId + " " + names[i], String.format(Locale.ROOT,
                            "%,d services, 2 endpoints assumed, kube-proxy %s; baseline nftables %s = %s ms (%s); "
                                    + "R=%.0f rules", s, Calibration.V_NFT_BLOG, names[i], base.get().value(), base.get().id(), r)));
                }
            }
        }
        return out;
    }

    static List<Observation> legacy(BenchmarkDataset data) {
        List<Observation> out = new ArrayList<>();
        for (BenchmarkPoint p : data.select(r -> r.id().startsWith("TIG-")
                && r.metric().equals("avg_round_trip_response_time_no_keepalive"))) {
            long s = (long) p.services().orElseThrow();
            ProxyMode mode = ProxyMode.fromId(p.mode());
            double r = Features.rulesMean(mode, s, 10, Calibration.V_2019);
            out.add(new Observation(Calibration.LATENCY_LEGACY, p, p.value(), new double[] {r, 0}, Calibration.STRONG, s,
                    "Tigera " + mode.id(), String.format(Locale.ROOT,
                    "%,d ClusterIP services x 10 endpoints, kube-proxy %s assumed, 1 request/connection; R=%.0f",
                    s, Calibration.V_2019, r)));
        }
        for (BenchmarkPoint p : data.select(r -> r.id().startsWith("CIL16-")
                && r.metric().equals("http_request_latency_via_service"))) {
            long s = (long) p.services().orElseThrow();
            boolean ebpf = p.mode().startsWith("ebpf");
            double r = ebpf ? Features.structure(ProxyMode.EBPF, s, 1, Calibration.V_2019, true).nodePort().mean()
                    : Features.nodePortRulesMean(ProxyMode.IPTABLES, s, 1, Calibration.V_2019);
            out.add(new Observation(Calibration.LATENCY_LEGACY, p, p.value(), new double[] {r, 1}, Calibration.MEDIUM, s,
                    "Cilium 1.6 " + (ebpf ? "eBPF" : "iptables"), String.format(Locale.ROOT,
                    "%,d NodePort services x 1 endpoint assumed, kube-proxy %s assumed, ab without keep-alive; R=%.0f",
                    s, Calibration.V_2019, r)));
        }
        return out;
    }

    static List<Observation> control(BenchmarkDataset data) {
        List<Observation> out = new ArrayList<>();
        data.byId("GH-01").ifPresent(p -> out.add(new Observation(Calibration.SYNC_IPTABLES, p, p.value(),
                new double[] {0, 695_992, 0, 1, 0}, Calibration.STRONG, Double.NaN, "iptables-restore",
                "695,992 restore lines (quoted), iptables-nft, 2021")));
        for (String id : new String[] {"SEED-01", "SEED-03"}) {
            data.byId(id).ifPresent(p -> {
                long s = (long) p.services().orElseThrow();
                double lines = Features.fullSyncObjects(ProxyMode.IPTABLES, s, 10, Calibration.V_SEED);
                out.add(new Observation(Calibration.SYNC_IPTABLES, p, p.value(), new double[] {0, lines, 0, 1, 0}, Calibration.WEAK, s,
                        "Q&A table", String.format(Locale.ROOT, "%,d services; 10 endpoints and kube-proxy %s assumed "
                        + "(not stated); %,.0f restore lines", s, Calibration.V_SEED, lines)));
            });
        }
        for (BenchmarkPoint p : data.select(r -> r.id().startsWith("NFTLB-") && r.mode().equals("iptables")
                && r.metric().equals("time_to_create_service_rules"))) {
            int e = (int) p.endpointsPerService().orElseThrow();
            double lines = Features.fullSyncObjects(ProxyMode.IPTABLES, 1, e, Calibration.V_NFTLB)
                    + Features.fullSyncObjects(ProxyMode.IPTABLES, 4, 1, Calibration.V_NFTLB);
            out.add(new Observation(Calibration.SYNC_IPTABLES, p, p.value(), new double[] {0, lines, 0, 1000, 0}, Calibration.MEDIUM, 1,
                    "kube-nftlb harness", String.format(Locale.ROOT, "1 new service x %d endpoints plus 4 system "
                    + "service ports, kube-proxy v1.19.4, kernel 5.8; %,.0f restore lines", e, lines)));
        }
        for (String id : new String[] {"SEED-02", "SEED-04"}) {
            data.byId(id).ifPresent(p -> {
                long s = (long) p.services().orElseThrow();
                double objects = Features.fullSyncObjects(ProxyMode.IPVS, s, 10, Calibration.V_SEED);
                out.add(new Observation(Calibration.SYNC_IPVS, p, p.value(), new double[] {1, objects, 0, 1, 0}, Calibration.WEAK, s,
                        "Q&A table", String.format(Locale.ROOT, "%,d services; 10 endpoints and kube-proxy %s assumed "
                        + "(not stated); %,.0f objects", s, Calibration.V_SEED, objects)));
            });
        }
        data.byId("GH-16").ifPresent(p -> {
            double objects = Features.fullSyncObjects(ProxyMode.IPVS, 3000, 10, "1.16");
            out.add(new Observation(Calibration.SYNC_IPVS, p, p.value(), new double[] {1, objects, 0, 1000, 0}, Calibration.MEDIUM, 1500,
                    "kubernetes#84906 (after fix)", String.format(Locale.ROOT, "1,500 services with one external IP "
                    + "each (3,000 virtual servers), 10 endpoints assumed; %,.0f objects", objects)));
        });
        data.byId("GH-08").ifPresent(p -> {
            double objects = Features.partialSyncObjects(ProxyMode.NFTABLES, 10_000, 2, Calibration.V_NFT_BLOG);
            out.add(new Observation(Calibration.SYNC_NFTABLES, p, p.value(), new double[] {2, objects, 0, 1000, 0}, Calibration.MEDIUM, 10_000,
                    "PR #126013 with partial sync", String.format(Locale.ROOT, "adding 1 service to 10,000 x 2 "
                    + "endpoints, partial sync; %,.0f objects", objects)));
        });
        for (BenchmarkPoint p : data.select(r -> r.id().startsWith("TIG-")
                && r.metric().equals("client_node_cpu_increase_vs_10_services_no_keepalive"))) {
            long s = (long) p.services().orElseThrow();
            ProxyMode mode = ProxyMode.fromId(p.mode());
            double dObjects = Features.fullSyncObjects(mode, s, 10, Calibration.V_2019)
                    - Features.fullSyncObjects(mode, 10, 10, Calibration.V_2019);
            double dRules = Features.rulesMean(mode, s, 10, Calibration.V_2019) - Features.rulesMean(mode, 10, 10, Calibration.V_2019);
            double lambda = p.connRatePerSecond().orElse(1000) / p.requestsPerConn().orElse(1);
            out.add(new Observation(Calibration.CPU, p, p.value(), new double[] {mode == ProxyMode.IPTABLES ? 3 : 4, dObjects,
                    dRules, 1, lambda}, Calibration.STRONG, s, "Tigera " + mode.id(), String.format(Locale.ROOT,
                    "%,d vs 10 services x 10 endpoints, %,.0f new connections/s, full sync every 30 s, kube-proxy %s "
                            + "assumed; +%,.0f rules/connection, +%,.0f sync objects", s, lambda, Calibration.V_2019, dRules,
                    dObjects)));
        }
        return out;
    }
}
