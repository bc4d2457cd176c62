package dev.kpp.model.calibration;

import dev.kpp.model.cost.Assumptions;
import dev.kpp.model.cost.CostParameters;
import dev.kpp.model.cost.FamilyParameters;
import dev.kpp.model.cost.Forms;
import dev.kpp.model.cost.KubeProxyReleases;
import dev.kpp.model.cost.NetworkProgramming;
import dev.kpp.model.cost.NftablesKernels;
import dev.kpp.model.inventory.KubeProxyConfig;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.rules.ModeStructure;
import dev.kpp.model.units.KernelVersion;
import dev.kpp.model.units.KubeVersion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The calibration families, in the order they are fitted (later ones use earlier fits). docs/model.md, section 3. */
final class Families {
    private Families() {
    }

    static List<FamilySpec> all() {
        return List.of(new LatencyLegacy(), new LatencyModern(), new SyncIptables(), new SyncIpvs(), new RuleUpdate(),
                new SyncNftables(), new SyncEbpf(), new Cpu(), new NetworkProgrammingFamily(), new Memory());
    }

    private static String endpointsNote(Conditions c) {
        return c.assumed().isEmpty() ? "" : "; " + c.assumed();
    }

    // ------------------------------------------------------------------ latency

    /** First-packet round trip on 2021+ kernels: {@code base_q + alpha R_q g(N) (+ beta for IPVS)}. */
    static final class LatencyModern extends FamilySpec {
        static final Pattern METRIC = Pattern.compile("first_packet_round_trip_time_p(\\d{2})");
        static final double[] QS = {0.01, 0.50, 0.90, 0.99};

        LatencyModern() {
            super(Forms.LATENCY_MODERN, "First-packet round trip through a Service, 2021+ kernels: "
                    + "baseline + per-rule cost x rules evaluated (+ IPVS's own work)", "Services", "ms");
        }

        @Override
        boolean sourceFactors() {
            return false;
        }

        private double pooledNc = Double.NaN;

        @Override
        List<Observation> observations(BenchmarkDataset data, CostParameters fitted) {
            FamilyParameters legacy = fitted.find(Forms.LATENCY_LEGACY).orElse(null);
            pooledNc = legacy != null && Forms.TABLE_GROWTH.equals(legacy.form()) ? legacy.get("n_c") : Double.NaN;
            List<Observation> out = new ArrayList<>();
            for (BenchmarkPoint p : data.points()) {
                Matcher m = METRIC.matcher(p.metric());
                ProxyMode mode = modeOf(p.mode());
                if (!m.matches() || mode == null || mode == ProxyMode.EBPF || !p.services().isPresent()) {
                    continue;
                }
                double q = Integer.parseInt(m.group(1)) / 100.0;
                int qi = indexOf(q);
                if (qi < 0) {
                    continue;
                }
                Conditions c = new Conditions(p);
                long s = c.servicesRequired();
                int e = c.endpointsPerService();
                KubeVersion v = c.version();
                ModeStructure st = Features.structure(mode, s, e, v, false);
                double r = st.clusterIpDistribution().quantile(q);
                double n = Features.tableRules(st);
                out.add(obs(p, p.value(), new double[] {mode == ProxyMode.IPVS ? 1 : 0, qi, r, n}, s,
                        mode.id() + " p" + m.group(1), fmt("%,d ClusterIP Services, kube-proxy %s%s; R=%.0f rules, "
                                + "table %,.0f rules", s, v, endpointsNote(c), r, n)));
            }
            return out;
        }

        private static int indexOf(double q) {
            for (int i = 0; i < QS.length; i++) {
                if (Math.abs(QS[i] - q) < 1e-9) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        List<CandidateForm> forms(List<Observation> obs) {
            List<String> bases = List.of("base_p01", "base_p50", "base_p90", "base_p99");
            List<String> ms = List.of("ms", "ms", "ms", "ms");
            List<String> linNames = new ArrayList<>(bases);
            linNames.addAll(List.of("alpha", "beta_ipvs"));
            List<String> linUnits = new ArrayList<>(ms);
            linUnits.addAll(List.of("ns/rule", "us/connection"));
            List<String> grNames = new ArrayList<>(bases);
            grNames.addAll(List.of("alpha", "n_c", "beta_ipvs"));
            List<String> grUnits = new ArrayList<>(ms);
            grUnits.addAll(List.of("ns/rule", "rules", "us/connection"));
            List<CandidateForm> forms = new ArrayList<>();
            forms.add(new CandidateForm(Forms.TABLE_GROWTH, grNames, grUnits, new double[] {0.01, 0.015, 0.02, 0.04, 15,
                        2e5, 8}, (o, t) -> t[(int) o.f(1)]
                            + Forms.perConnectionNs(Forms.TABLE_GROWTH, t[4], t[5], o.f(2), o.f(3)) * 1e-6
                            + o.f(0) * t[6] * 1e-3));
            if (!Double.isNaN(pooledNc)) {
                // the table-size term pooled with the 2019-2020 fit: kept only if leave-one-out prefers it
                final double nc = pooledNc;
                forms.add(new CandidateForm(Forms.TABLE_GROWTH, linNames, linUnits,
                        new double[] {0.01, 0.015, 0.02, 0.04, 15, 8}, (o, t) -> t[(int) o.f(1)]
                        + Forms.perConnectionNs(Forms.TABLE_GROWTH, t[4], nc, o.f(2), o.f(3)) * 1e-6
                        + o.f(0) * t[5] * 1e-3, Map.of("n_c", nc)));
            }
            forms.add(
                    new CandidateForm(Forms.LINEAR, linNames, linUnits, new double[] {0.01, 0.015, 0.02, 0.04, 15, 8},
                        (o, t) -> t[(int) o.f(1)] + Forms.perConnectionNs(Forms.LINEAR, t[4], 1, o.f(2), o.f(3)) * 1e-6
                                + o.f(0) * t[5] * 1e-3));
            return forms;
        }
    }

    /**
     * Added latency on 2019-2020 kernels, scored on differences: the latency at S Services minus the same source's
     * latency at its smallest Service count, {@code alpha (R g(N) - R0 g(N0))}, so no per-source baseline can absorb
     * the growth.
     */
    static final class LatencyLegacy extends FamilySpec {
        static final List<String> METRICS = List.of("avg_round_trip_response_time_no_keepalive",
                "http_request_latency_via_service");

        LatencyLegacy() {
            super(Forms.LATENCY_LEGACY, "Latency added by iptables rules, 2019-2020 kernels (difference to the "
                    + "source's smallest cluster)", "Services", "ms or us (as published)");
        }

        @Override
        List<Observation> observations(BenchmarkDataset data, CostParameters fitted) {
            List<Observation> out = new ArrayList<>();
            for (BenchmarkPoint p : data.points()) {
                if (!usable(p) || !p.mode().equals("iptables")) {
                    continue;
                }
                BenchmarkPoint ref = reference(data, p).orElse(null);
                if (ref == null || ref == p || !resolved(p, ref)) {
                    continue;
                }
                Conditions c = new Conditions(p);
                long s = c.servicesRequired();
                long s0 = Math.round(ref.services().getAsDouble());
                int e = c.endpointsPerService();
                KubeVersion v = c.version();
                boolean nodePort = c.nodePort();
                ModeStructure st = Features.structure(ProxyMode.IPTABLES, s, e, v, nodePort);
                ModeStructure st0 = Features.structure(ProxyMode.IPTABLES, s0, e, v, nodePort);
                double r = nodePort ? st.nodePort().mean() : st.clusterIp().mean();
                double r0 = nodePort ? st0.nodePort().mean() : st0.clusterIp().mean();
                double scale = p.unit().equals("us") ? 1e-3 : 1e-6;
                out.add(obs(p, p.value() - ref.value(), new double[] {r, Features.tableRules(st), r0,
                    Features.tableRules(st0), scale}, s, sourceLabel(p) + (nodePort ? " NodePort" : " ClusterIP"),
                    fmt("%s minus %s: %,d vs %,d %s Services, kube-proxy %s%s; R=%.0f vs %.0f rules", p.id(), ref.id(),
                        s, s0, nodePort ? "NodePort" : "ClusterIP", v, endpointsNote(c), r, r0)));
            }
            return out;
        }

        static boolean usable(BenchmarkPoint p) {
            return METRICS.contains(p.metric()) && p.services().isPresent() && p.year() > 0 && p.year() < 2021;
        }

        /** @return the same source, metric and mode at its smallest Service count */
        static Optional<BenchmarkPoint> reference(BenchmarkDataset data, BenchmarkPoint p) {
            String src = SourceKeys.of(p);
            return data.points().stream().filter(r -> r.metric().equals(p.metric()) && r.mode().equals(p.mode())
                    && r.services().isPresent() && SourceKeys.of(r).equals(src))
                    .min(java.util.Comparator.comparingDouble(r -> r.services().getAsDouble()));
        }

        /** @return true when the difference exceeds twice the combined reading resolution of the two values */
        static boolean resolved(BenchmarkPoint p, BenchmarkPoint ref) {
            double h = halfWidth(p);
            double h0 = halfWidth(ref);
            return p.value() - ref.value() > 2 * Math.sqrt(h * h + h0 * h0);
        }

        static double halfWidth(BenchmarkPoint p) {
            return p.low().isPresent() && p.high().isPresent() ? (p.high().getAsDouble() - p.low().getAsDouble()) / 2
                    : 0;
        }

        @Override
        List<CandidateForm> forms(List<Observation> obs) {
            return List.of(
                    new CandidateForm(Forms.TABLE_GROWTH, List.of("alpha", "n_c"), List.of("ns/rule", "rules"),
                        new double[] {40, 1e5}, (o, t) -> (Forms.perConnectionNs(Forms.TABLE_GROWTH, t[0], t[1], o.f(0),
                            o.f(1)) - Forms.perConnectionNs(Forms.TABLE_GROWTH, t[0], t[1], o.f(2), o.f(3))) * o.f(4)),
                    new CandidateForm(Forms.LINEAR, List.of("alpha"), List.of("ns/rule"), new double[] {40},
                        (o, t) -> t[0] * (o.f(0) - o.f(2)) * o.f(4)));
        }
    }

    static String sourceLabel(BenchmarkPoint p) {
        String t = p.sourceTitle();
        int cut = t.indexOf(':');
        int paren = t.indexOf('(');
        int end = t.length();
        if (cut > 0) {
            end = Math.min(end, cut);
        }
        if (paren > 0) {
            end = Math.min(end, paren);
        }
        String s = t.substring(0, end).trim();
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    static ProxyMode modeOf(String datasetMode) {
        String m = datasetMode.toLowerCase(Locale.ROOT);
        if (m.startsWith("ebpf")) {
            return ProxyMode.EBPF;
        }
        return switch (m) {
            case "iptables" -> ProxyMode.IPTABLES;
            case "ipvs" -> ProxyMode.IPVS;
            case "nftables" -> ProxyMode.NFTABLES;
            default -> null;
        };
    }

    // ------------------------------------------------------------------ iptables sync

    /** iptables sync: one iptables-restore of L lines (full, restart, or a bare restore). */
    static final class SyncIptables extends FamilySpec {
        static final Pattern RESTORE = Pattern.compile("iptables-restore_time_(\\d+)_lines");

        SyncIptables() {
            super(Forms.SYNC_IPTABLES, "iptables sync time: one iptables-restore of L input lines", "Services", "s");
        }

        @Override
        List<Observation> observations(BenchmarkDataset data, CostParameters fitted) {
            List<Observation> out = new ArrayList<>();
            for (BenchmarkPoint p : data.points()) {
                if (!p.mode().startsWith("iptables") || p.mode().contains("generic")) {
                    continue;
                }
                Conditions c = new Conditions(p);
                Optional<Long> restore = c.linesInMetric();
                String metric = c.metric();
                double lines;
                String what;
                boolean restart = false;
                double x = c.services();
                if (restore.isPresent()) {
                    lines = restore.get();
                    what = fmt("%,d restore lines (quoted)", restore.get());
                } else if (!p.services().isPresent() || UnusedRows.excluded(p)) {
                    continue;
                } else if (metric.equals("sync_proxy_rules_duration")) {
                    long s = c.servicesRequired();
                    int e = c.endpointsPerService();
                    KubeVersion v = c.version();
                    lines = Features.structure(ProxyMode.IPTABLES, s, e, v, false).syncObjectsFull();
                    what = fmt("full sync, %,d Services x %d endpoints, kube-proxy %s%s; %,.0f restore lines", s, e, v,
                            endpointsNote(c), lines);
                } else if (metric.equals("time_to_create_service_rules")) {
                    int e = c.endpointsPerService();
                    KubeVersion v = c.version();
                    int system = (int) Assumptions.SYSTEM_SERVICE_PORTS.value();
                    lines = Features.structure(ProxyMode.IPTABLES, 1, e, v, false).syncObjectsFull()
                            + Features.structure(ProxyMode.IPTABLES, system, 1, v, false).syncObjectsFull()
                            - Features.structure(ProxyMode.IPTABLES, 0, 1, v, false).syncObjectsFull();
                    what = fmt("full sync after creating 1 Service x %d endpoints beside %d system Service ports "
                            + "(assumed), kube-proxy %s; %,.0f restore lines", e, system, v, lines);
                } else if (metric.startsWith("first_sync_after_kube-proxy_restart")) {
                    long s = c.servicesRequired();
                    int e = c.endpointsPerService();
                    KubeVersion v = c.version();
                    lines = Features.structure(ProxyMode.IPTABLES, s, e, v, false).syncObjectsFull();
                    restart = true;
                    what = fmt("first sync after a restart (save + restore over the existing rules, plus c_restart "
                            + "per line already in the kernel), %,d Services x %d endpoints, kube-proxy %s; %,.0f restore lines", s,
                            e, v, lines);
                } else {
                    continue;
                }
                out.add(obs(p, seconds(p), new double[] {lines, restart ? 1 : 0}, Double.isNaN(x) ? lines / 10 : x,
                        sourceLabel(p), what));
            }
            return out;
        }

        @Override
        List<CandidateForm> forms(List<Observation> obs) {
            // c_restart: what a restart's first sync adds per restore line already in the kernel (saving, comparing
            // and replacing it); its starting value is c's (reading an existing rule costs like writing it)
            double rc = RESTART_START;
            return List.of(
                    new CandidateForm(Forms.LINEAR, List.of("t0", "c", "c_restart"),
                        List.of("s/sync", "us/line", "us/existing line"), new double[] {0.1, 15, rc},
                        (o, t) -> Forms.iptablesSyncSeconds(Forms.LINEAR, t[0], t[1], 0, o.f(0)) + restart(o, t[2])),
                    new CandidateForm(Forms.POWER, List.of("t0", "c", "p", "c_restart"),
                        List.of("s/sync", "us/line^p", "", "us/existing line"), new double[] {0.1, 15, 1, rc},
                        (o, t) -> Forms.iptablesSyncSeconds(Forms.POWER, t[0], t[1], t[2], o.f(0)) + restart(o, t[3])),
                    new CandidateForm(Forms.QUADRATIC, List.of("t0", "c", "c2", "c_restart"),
                        List.of("s/sync", "us/line", "s/(Mline)^2", "us/existing line"), new double[] {0.1, 15, 1, rc},
                        (o, t) -> Forms.iptablesSyncSeconds(Forms.QUADRATIC, t[0], t[1], t[2], o.f(0))
                            + restart(o, t[3])));
        }

        static final double RESTART_START = 15;

        /** @return a restart row's extra seconds for the lines already in the kernel, 0 for any other row */
        private static double restart(Observation o, double cRestart) {
            return o.f(1) == 1 ? Forms.iptablesRestartExtraSeconds(cRestart, o.f(0)) : 0;
        }
    }

    /** IPVS sync: every sync walks every virtual and real server, ipset entry and rule in userspace. */
    static final class SyncIpvs extends FamilySpec {
        SyncIpvs() {
            super(Forms.SYNC_IPVS, "IPVS sync time: t0 + c x (virtual + real servers + ipset entries + rules)",
                    "Services", "s");
        }

        @Override
        List<Observation> observations(BenchmarkDataset data, CostParameters fitted) {
            List<Observation> out = new ArrayList<>();
            for (BenchmarkPoint p : data.points()) {
                if (!p.mode().equals("ipvs") || !p.services().isPresent() || UnusedRows.excluded(p)) {
                    continue;
                }
                Conditions c = new Conditions(p);
                Matcher inc = Cpu.VS.matcher(p.metric());
                if (p.metric().startsWith("client_node_cpu_increase_vs_") && inc.find()) {
                    // IPVS evaluates a constant set of rules per connection, so the node's CPU increase with Services
                    // is sync work: (t_sync(S) - t_sync(S0)) per periodic sync
                    long s = c.servicesRequired();
                    long s0 = Long.parseLong(inc.group(1));
                    int e = c.endpointsPerService();
                    KubeVersion v = c.version();
                    double o = Features.structure(ProxyMode.IPVS, s, e, v, false).syncObjectsFull();
                    double o0 = Features.structure(ProxyMode.IPVS, s0, e, v, false).syncObjectsFull();
                    double period = KubeProxyReleases.periodicSyncSeconds(ProxyMode.IPVS, v,
                            KubeProxyConfig.defaults().syncPeriodSeconds());
                    out.add(obs(p, p.value() * period, new double[] {o, o0, 1}, s, sourceLabel(p) + " CPU x period",
                            fmt("node CPU increase x %.0f s periodic sync = extra sync seconds; %,d vs %,d Services x %d "
                                    + "endpoints, kube-proxy %s%s; %,.0f vs %,.0f objects walked", period, s, s0, e, v,
                                    endpointsNote(c), o, o0)));
                    continue;
                }
                if (!p.metric().startsWith("sync_proxy_rules_duration") || p.metric().contains("while_creating")) {
                    continue;
                }
                long s = c.servicesRequired();
                int e = c.endpointsPerService();
                KubeVersion v = c.version();
                double objects = Features.structure(ProxyMode.IPVS, s, e, v, false).syncObjectsFull();
                out.add(obs(p, seconds(p), new double[] {objects, 0, 0}, s, sourceLabel(p), fmt("%,d ClusterIP Services "
                        + "x %d endpoints, kube-proxy %s%s; %,.0f objects walked", s, e, v, endpointsNote(c), objects)));
            }
            return out;
        }

        @Override
        List<Observation> checks(BenchmarkDataset data, CostParameters fitted) {
            List<Observation> out = new ArrayList<>();
            for (BenchmarkPoint p : data.points()) {
                if (p.mode().equals("ipvs") && UnusedRows.excluded(p) && UnusedRows.shownAgainstFit(p)
                        && p.services().isPresent()) {
                    Conditions c = new Conditions(p);
                    long s = c.servicesRequired();
                    int e = c.endpointsPerService();
                    KubeVersion v = c.version();
                    double objects = Features.structure(ProxyMode.IPVS, s, e, v, false).syncObjectsFull();
                    out.add(obs(p, seconds(p), new double[] {objects, 0, 0}, s, sourceLabel(p), fmt("%,d ClusterIP "
                            + "Services x %d endpoints, kube-proxy %s%s; %,.0f objects walked", s, e, v,
                            endpointsNote(c), objects)));
                }
            }
            return out;
        }

        @Override
        List<CandidateForm> forms(List<Observation> obs) {
            return List.of(new CandidateForm(Forms.LINEAR, List.of("t0", "c"), List.of("s/sync", "us/object"),
                    new double[] {0.05, 5}, (o, t) -> o.f(2) == 1
                        ? Forms.ipvsSyncSeconds(t[0], t[1], o.f(0)) - Forms.ipvsSyncSeconds(t[0], t[1], o.f(1))
                        : Forms.ipvsSyncSeconds(t[0], t[1], o.f(0))));
        }
    }

    /**
     * Time to add one rule with N Services in place, one command at a time (flftuu 2019): iptables rewrites its whole
     * table ({@code a + b x rules}), IPVS inserts into a hash ({@code a + b x virtual servers}).
     */
    static final class RuleUpdate extends FamilySpec {
        RuleUpdate() {
            super(Forms.RULE_UPDATE, "Adding one rule: iptables rewrites its table (a + b x rules), IPVS inserts "
                    + "into a hash (a + b x virtual servers)", "Services", "s");
        }

        @Override
        boolean sourceFactors() {
            return false;
        }

        @Override
        List<Observation> observations(BenchmarkDataset data, CostParameters fitted) {
            List<Observation> out = new ArrayList<>();
            for (BenchmarkPoint p : data.points()) {
                ProxyMode mode = modeOf(p.mode());
                if (!p.metric().equals("latency_to_add_one_rule") || mode == null || !p.services().isPresent()) {
                    continue;
                }
                Conditions c = new Conditions(p);
                long s = c.servicesRequired();
                int e = c.endpointsPerService();
                KubeVersion v = c.version();
                ModeStructure st = Features.structure(mode, s, e, v, false);
                double n = mode == ProxyMode.IPVS ? st.count("virtualServers") : st.count("nat") + st.count("filter");
                out.add(obs(p, seconds(p), new double[] {mode == ProxyMode.IPVS ? 1 : 0, n}, s, mode.id(),
                        fmt("%,d Services x %d endpoints in place, kube-proxy %s%s; %,.0f %s", s, e, v,
                                endpointsNote(c), n, mode == ProxyMode.IPVS ? "virtual servers" : "iptables rules")));
            }
            return out;
        }

        @Override
        List<CandidateForm> forms(List<Observation> obs) {
            return List.of(new CandidateForm(Forms.LINEAR, List.of("a_iptables", "b_iptables", "a_ipvs", "b_ipvs"),
                    List.of("s", "us/rule", "s", "us/virtual server"), new double[] {0.05, 50, 1e-3, 0.02},
                    (o, t) -> o.f(0) == 1 ? t[2] + t[3] * 1e-6 * o.f(1) : t[0] + t[1] * 1e-6 * o.f(1)));
        }
    }

    // ------------------------------------------------------------------ nftables

    /**
     * nftables sync: one transaction of M operations binding B anonymous verdict maps, times the kernel factor.
     * Which operations a sync sends follows the kube-proxy version table ({@link KubeProxyReleases}) and the metric.
     */
    static final class SyncNftables extends FamilySpec {
        SyncNftables() {
            super(Forms.SYNC_NFTABLES, "nftables sync time: one transaction of M operations binding B verdict maps, "
                    + "x kernel factor", "Services", "s");
        }

        @Override
        List<Observation> observations(BenchmarkDataset data, CostParameters fitted) {
            return build(data, false);
        }

        @Override
        List<Observation> checks(BenchmarkDataset data, CostParameters fitted) {
            return build(data, true);
        }

        private List<Observation> build(BenchmarkDataset data, boolean checks) {
            List<Observation> out = new ArrayList<>();
            for (BenchmarkPoint p : data.points()) {
                if (!p.mode().equals("nftables") || !p.services().isPresent()) {
                    continue;
                }
                String metric = p.metric().toLowerCase(Locale.ROOT);
                boolean mean = metric.endsWith("_mean_of_runs");
                if (mean != checks) {
                    continue;
                }
                Conditions c = new Conditions(p);
                long s = c.servicesRequired();
                int e = c.endpointsPerService();
                KubeVersion v = c.version();
                ModeStructure st = Features.structure(ProxyMode.NFTABLES, s, e, v, false);
                double ops;
                double binds;
                String kind;
                if (metric.startsWith("sync_proxy_rules_duration_after_endpoint_scaleup")) {
                    // a partial sync in which every Service's endpoints changed (all Services select the scaled
                    // Deployment): per Service, flush its chain, re-add its rules with a new numgen map of E
                    // elements, and add the new endpoint's chain and 2 rules
                    long ports = Math.max(1, st.count("numgenMaps"));
                    double svcRules = st.breakdown().getOrDefault("rules/service-*", 0L) / (double) ports;
                    ops = ports * (1 + svcRules + 1 + e + 3);
                    binds = ports;
                    kind = "partial sync with every Service's endpoints changed";
                } else if (metric.startsWith("first_sync_after_kube-proxy_restart")
                        || metric.contains("before_partial_sync") && metric.startsWith("time_to_add_1_service")) {
                    ops = st.count("txFlushAdd");
                    binds = st.count("numgenMaps");
                    kind = metric.startsWith("first_sync") ? "first sync after a restart, before #130119: every chain "
                            + "and map flushed and re-added" : "full sync (a build before partial syncs)";
                } else if (metric.startsWith("time_to_add_1_service") && metric.contains("with_partial_sync")) {
                    ops = st.count("txOneService");
                    binds = 1;
                    kind = "partial sync of one new Service";
                } else {
                    continue;
                }
                Optional<KernelVersion> k = c.kernel();
                boolean fast = k.isPresent() && NftablesKernels.fastTransactions(k.get());
                String kernel = k.map(KernelVersion::toString).orElse("not stated, taken as before 6.12");
                out.add(obs(p, seconds(p), new double[] {ops, binds, fast ? 1 : 0}, s, sourceLabel(p) + " kernel "
                        + (fast ? ">= 6.12" : "< 6.12"), fmt("%s; %,d Services x %d endpoints, kube-proxy %s, kernel %s"
                        + "%s; M=%,.0f operations, B=%,.0f maps", kind, s, e, v, kernel, endpointsNote(c), ops, binds)));
            }
            return out;
        }

        @Override
        List<CandidateForm> forms(List<Observation> obs) {
            return List.of(
                    new CandidateForm(Forms.TWO_TERM, List.of("t0", "c1", "c2", "k_6_12"),
                        List.of("s/sync", "us/operation", "ns/(operation x map)", "x on 6.12+"),
                        new double[] {0.1, 100, 100, 0.3}, (o, t) -> Forms.nftablesSyncSeconds(Forms.TWO_TERM, t[0], t[1],
                            t[2], o.f(2) == 1 ? t[3] : 1, o.f(0), o.f(1))),
                    new CandidateForm(Forms.POWER, List.of("t0", "c1", "p", "k_6_12"),
                        List.of("s/sync", "us/operation^p", "", "x on 6.12+"), new double[] {0.1, 100, 1.1, 0.3},
                        (o, t) -> Forms.nftablesSyncSeconds(Forms.POWER, t[0], t[1], t[2], o.f(2) == 1 ? t[3] : 1,
                            o.f(0), o.f(1))),
                    new CandidateForm(Forms.LINEAR, List.of("t0", "c1", "k_6_12"),
                        List.of("s/sync", "us/operation", "x on 6.12+"), new double[] {0.1, 1000, 0.3},
                        (o, t) -> Forms.nftablesSyncSeconds(Forms.LINEAR, t[0], t[1], 0, o.f(2) == 1 ? t[2] : 1,
                            o.f(0), o.f(1))));
        }
    }

    // ------------------------------------------------------------------ eBPF

    /** eBPF Service update: the agent writes one frontend slot and one slot per backend, {@code c x (1 + E)}. */
    static final class SyncEbpf extends FamilySpec {
        SyncEbpf() {
            super(Forms.SYNC_EBPF, "eBPF Service update: c x map entries written (1 frontend + E backends)",
                    "endpoints", "s");
        }

        @Override
        List<Observation> observations(BenchmarkDataset data, CostParameters fitted) {
            List<Observation> out = new ArrayList<>();
            for (BenchmarkPoint p : data.points()) {
                if (!p.mode().startsWith("ebpf") || !p.metric().startsWith("bpf_proxy_service_update_time")) {
                    continue;
                }
                Conditions c = new Conditions(p);
                int e = c.endpointsPerService();
                double entries = (1 + e) * Math.max(1, c.services());
                out.add(obs(p, seconds(p), new double[] {entries}, e, sourceLabel(p), fmt("%d Service x %d endpoints "
                        + "updated in real BPF maps; %.0f entries", Math.round(Math.max(1, c.services())), e, entries)));
            }
            return out;
        }

        @Override
        boolean sourceFactors() {
            return false;
        }

        @Override
        List<CandidateForm> forms(List<Observation> obs) {
            return List.of(new CandidateForm(Forms.LINEAR, List.of("c_entry"), List.of("us/entry"), new double[] {5},
                    (o, t) -> Forms.ebpfUpdateSeconds(t[0], o.f(0))));
        }
    }

    // ------------------------------------------------------------------ CPU

    /**
     * Node CPU increase with Services at a fixed connection rate (Tigera 2019): new connections x per-rule CPU x the
     * extra rules, plus the extra sync work of the periodic full syncs, as the sync fits predict it for that setup
     * times {@code f_sync} (how far the setup's control plane differs from the sync fits).
     */
    static final class Cpu extends FamilySpec {
        static final Pattern VS = Pattern.compile("vs_(\\d+)_services");

        Cpu() {
            super(Forms.CPU, "Node CPU increase: new connections x per-rule CPU x extra rules + f_sync x extra "
                    + "periodic sync work", "Services", "cores");
        }

        @Override
        boolean sourceFactors() {
            return false;
        }

        @Override
        List<Observation> observations(BenchmarkDataset data, CostParameters fitted) {
            List<Observation> out = new ArrayList<>();
            FamilyParameters legacy = fitted.family(Forms.LATENCY_LEGACY);
            FamilyParameters ipt = fitted.family(Forms.SYNC_IPTABLES);
            for (BenchmarkPoint p : data.points()) {
                Matcher m = VS.matcher(p.metric());
                ProxyMode mode = modeOf(p.mode());
                if (!p.metric().startsWith("client_node_cpu_increase_vs_") || !m.find() || mode != ProxyMode.IPTABLES
                        || !p.services().isPresent()) {
                    continue;
                }
                Conditions c = new Conditions(p);
                long s = c.servicesRequired();
                long s0 = Long.parseLong(m.group(1));
                int e = c.endpointsPerService();
                KubeVersion v = c.version();
                ModeStructure st = Features.structure(mode, s, e, v, false);
                ModeStructure st0 = Features.structure(mode, s0, e, v, false);
                double dr = Forms.perConnectionNs(legacy, st.clusterIp().mean(), Features.tableRules(st))
                        / legacy.get("alpha") - Forms.perConnectionNs(legacy, st0.clusterIp().mean(),
                        Features.tableRules(st0)) / legacy.get("alpha");
                double dt = Forms.iptablesSyncSeconds(ipt, st.syncObjectsFull())
                        - Forms.iptablesSyncSeconds(ipt, st0.syncObjectsFull());
                double period = KubeProxyReleases.periodicSyncSeconds(mode, v,
                        KubeProxyConfig.defaults().syncPeriodSeconds());
                double lambda = p.connRatePerSecond().orElseThrow() / p.requestsPerConn().orElse(1);
                out.add(obs(p, p.value(), new double[] {lambda, dr, dt, period}, s, sourceLabel(p) + " " + mode.id(),
                        fmt("%,d vs %,d Services x %d endpoints, %,.0f new connections/s, kube-proxy %s%s; "
                                + "+%,.0f rule-equivalents/connection, +%.3g s of sync every %.0f s", s, s0, e, lambda,
                                v, endpointsNote(c), dr, dt, period)));
            }
            return out;
        }

        @Override
        List<CandidateForm> forms(List<Observation> obs) {
            // f_sync is the Tigera setup's factor on the sync fit: a source factor, with the same prior as theirs
            return List.of(new CandidateForm(Forms.LINEAR, List.of("alpha_cpu", "f_sync"), List.of("ns/rule", "x"),
                    new double[] {10, 1}, (o, t) -> o.f(0) * t[0] * o.f(1) * 1e-9 + t[1] * o.f(2) / o.f(3),
                    Map.of(), new double[] {Double.NaN, Math.log(Assumptions.SOURCE_FACTOR_SPREAD.value())}));
        }
    }

    // ------------------------------------------------------------------ network programming

    /**
     * Network programming latency quantiles ({@link NetworkProgramming}): API delay D ~ Exp(mu(n)), the wait for the
     * sync loop and the sync itself. The scalability jobs do not state their clusters' Services, so each job's sync
     * durations (full, partial) and full-sync interval are fitted per source; mu_ref and kappa are shared.
     */
    static final class NetworkProgrammingFamily extends FamilySpec {
        static final Pattern METRIC = Pattern.compile("network_programming_latency_p(\\d{2}).*");
        private final Map<String, int[]> jobParams = new LinkedHashMap<>();
        private final List<String> names = new ArrayList<>();
        private final List<String> units = new ArrayList<>();
        private final List<Double> init = new ArrayList<>();

        @Override
        java.util.Map<String, int[]> sourceParameters() {
            java.util.Map<String, int[]> m = new LinkedHashMap<>();
            jobParams.forEach((src, idx) -> m.put(src, java.util.Arrays.stream(idx).filter(i -> i >= 0).toArray()));
            return m;
        }

        NetworkProgrammingFamily() {
            super(Forms.NETWORK_PROGRAMMING, "Network programming latency: API delay (exponential, mean mu(nodes)) + "
                    + "wait for the sync loop (minSyncPeriod, sync duration) + the sync", "nodes", "s");
        }

        @Override
        boolean sourceFactors() {
            return false;
        }

        @Override
        List<Observation> observations(BenchmarkDataset data, CostParameters fitted) {
            jobParams.clear();
            names.clear();
            units.clear();
            init.clear();
            names.addAll(List.of("mu_ref", "kappa"));
            units.addAll(List.of("s at 1,000 nodes", "exponent"));
            init.addAll(List.of(1.0, 0.3));
            List<BenchmarkPoint> rows = new ArrayList<>();
            for (BenchmarkPoint p : data.points()) {
                if (METRIC.matcher(p.metric()).matches() && p.nodes().isPresent() && modeOf(p.mode()) != null) {
                    rows.add(p);
                }
            }
            for (BenchmarkPoint p : rows) {
                String src = SourceKeys.of(p);
                if (!jobParams.containsKey(src)) {
                    boolean anyPartial = rows.stream().anyMatch(r -> SourceKeys.of(r).equals(src) && partial(r));
                    String tag = "job" + (jobParams.size() + 1);
                    int full = names.size();
                    names.add("t_full_" + tag);
                    units.add("s");
                    init.add(10.0);
                    int part = -1;
                    int period = -1;
                    if (anyPartial) {
                        part = names.size();
                        names.add("t_partial_" + tag);
                        units.add("s");
                        init.add(1.0);
                        period = names.size();
                        names.add("full_every_" + tag);
                        units.add("s");
                        init.add(60.0);
                    }
                    jobParams.put(src, new int[] {full, part, period});
                }
            }
            List<Observation> out = new ArrayList<>();
            for (BenchmarkPoint p : rows) {
                Matcher m = METRIC.matcher(p.metric());
                m.matches();
                Conditions c = new Conditions(p);
                double q = Integer.parseInt(m.group(1)) / 100.0;
                double minSync = c.minSyncPeriodSeconds();
                boolean partial = partial(p);
                int[] job = jobParams.get(SourceKeys.of(p));
                double nodes = p.nodes().getAsDouble();
                out.add(obs(p, seconds(p), new double[] {q, minSync, partial ? 1 : 0, nodes, job[0], job[1], job[2]},
                        nodes, sourceLabel(p) + " " + (partial ? "partial" : "full") + " minSync " + minSync,
                        fmt("p%02.0f, %,.0f nodes, %s syncs, minSyncPeriod %.3g s; the job's Services are not stated: "
                                + "its sync durations are fitted", q * 100, nodes, partial ? "partial" : "full-only",
                                minSync)));
            }
            return out;
        }

        static boolean partial(BenchmarkPoint p) {
            String metric = p.metric().toLowerCase(Locale.ROOT);
            if (metric.contains("before_")) {
                return false;
            }
            if (metric.contains("with_minimizeiptablesrestore")) {
                return true;
            }
            ProxyMode mode = modeOf(p.mode());
            return mode != null && KubeProxyReleases.partialSyncs(mode, new Conditions(p).version());
        }

        @Override
        List<CandidateForm> forms(List<Observation> obs) {
            double[] start = new double[init.size()];
            for (int i = 0; i < start.length; i++) {
                start[i] = init.get(i);
            }
            double nRef = Assumptions.NPL_REFERENCE_NODES.value();
            return List.of(new CandidateForm(Forms.LINEAR, names, units, start, (o, t) -> {
                double mu = t[0] * Math.pow(o.f(3) / nRef, t[1]);
                if (!(mu >= 0) || Double.isInfinite(mu)) {
                    return 1e300; // a trial step far outside the physical range: the fitter rejects it
                }
                double full = t[(int) o.f(4)];
                double minSync = o.f(1);
                if (o.f(2) == 0) {
                    double cycle = Math.max(minSync, full);
                    return NetworkProgramming.quantile(o.f(0), mu, cycle, 1.0, new double[] {full}, new double[] {1});
                }
                double part = t[(int) o.f(5)];
                double every = t[(int) o.f(6)];
                double cycle = Math.max(minSync, part);
                double share = 0;
                for (int i = 0; i < 20; i++) { // fixed point: full syncs take their share of the cycles
                    share = Math.min(1, cycle / every);
                    cycle = Math.max(minSync, share * full + (1 - share) * part);
                }
                return NetworkProgramming.quantile(o.f(0), mu, cycle, 1.0, new double[] {part, full},
                        new double[] {1 - share, share});
            }));
        }
    }

    // ------------------------------------------------------------------ memory

    /**
     * kube-proxy memory: {@code m0 + m_state x (Services + endpoints) + m_tx x objects of the largest transaction},
     * RSS (Go heap rows are compared as RSS / {@link Assumptions#GO_RSS_PER_LIVE_HEAP}).
     */
    static final class Memory extends FamilySpec {
        Memory() {
            super(Forms.MEMORY, "kube-proxy memory: m0 + m_state x (Services + endpoints) + m_tx x objects of the "
                    + "largest transaction", "Services", "MiB");
        }

        @Override
        List<Observation> observations(BenchmarkDataset data, CostParameters fitted) {
            List<Observation> out = new ArrayList<>();
            for (BenchmarkPoint p : data.points()) {
                String metric = p.metric().toLowerCase(Locale.ROOT);
                ProxyMode mode = modeOf(p.mode());
                boolean heap = metric.equals("kube-proxy_go_heap_alloc");
                boolean rss = metric.startsWith("kube-proxy_max_memory") || metric.equals("kube-proxy_rss_steady_state");
                if (!(heap || rss) || mode == null || !p.services().isPresent()) {
                    continue;
                }
                Conditions c = new Conditions(p);
                long s = c.servicesRequired();
                int e = c.endpointsPerService();
                KubeVersion v = c.version();
                ModeStructure st = Features.structure(mode, s, e, v, false);
                double state = s + (double) s * e;
                double tx;
                String what;
                if (mode == ProxyMode.NFTABLES) {
                    boolean partialOnly = metric.contains("with_partial_sync");
                    tx = partialOnly ? st.count("txOneService") : st.count("txFlushAdd");
                    what = partialOnly ? "largest transaction: one Service" : "largest transaction: a full sync";
                } else {
                    tx = st.syncObjectsFull();
                    what = "largest transaction: the full restore input";
                }
                double factor = heap ? Assumptions.GO_RSS_PER_LIVE_HEAP.value() : 1;
                out.add(obs(p, mebibytes(p), new double[] {state, tx, factor}, s, sourceLabel(p) + (heap ? " heap"
                        : " RSS"), fmt("%,d Services x %d endpoints, kube-proxy %s %s%s; %s (%,.0f objects)%s", s, e, v,
                        mode.id(), endpointsNote(c), what, tx, heap ? "; Go heap = RSS / " + factor + " (assumed)"
                        : "")));
            }
            return out;
        }

        @Override
        List<CandidateForm> forms(List<Observation> obs) {
            return List.of(new CandidateForm(Forms.LINEAR, List.of("m0", "m_state", "m_tx"),
                    List.of("MiB", "KiB/(Service or endpoint)", "KiB/object"), new double[] {15, 10, 2},
                    (o, t) -> Forms.memoryMiB(t[0], t[1], t[2], o.f(0), o.f(1)) / o.f(2)));
        }
    }
}
