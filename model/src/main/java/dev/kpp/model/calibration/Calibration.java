package dev.kpp.model.calibration;

import dev.kpp.model.inventory.ProxyMode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The calibrated cost models: every parameter is fitted here, at run time, from the benchmark
 * dataset (the embedded one, or any copy passed to {@link #fit}). Three fits:
 * <ol>
 *   <li><b>latency-modern</b> (2021+ data): first-packet round trip of iptables and IPVS against
 *       nftables at the same percentile: {@code t = t_nft + alpha (R - R_nft) + beta_ipvs}.</li>
 *   <li><b>latency-legacy</b> (2019-2020 data): {@code t = base_source + alpha_old R} over the Tigera
 *       and Cilium 1.6 charts (each source has its own application baseline).</li>
 *   <li><b>control plane</b>, one joint fit: sync time {@code t0 + c_mode x objects} per mode, and the
 *       Tigera CPU increases {@code lambda alpha_cpu dR + d(sync)/syncPeriod}.</li>
 * </ol>
 * docs/model.md explains each form, the weights and the data.
 */
public final class Calibration {
    /** Report ids. */
    public static final String LATENCY_MODERN = "latency-modern";
    public static final String LATENCY_LEGACY = "latency-legacy";
    public static final String SYNC_IPTABLES = "sync-iptables";
    public static final String SYNC_IPVS = "sync-ipvs";
    public static final String SYNC_NFTABLES = "sync-nftables";
    public static final String CPU = "cpu";
    public static final String STRUCTURE = "structure-iptables";

    /** Source weights (docs/model.md, "How sources are weighed"). */
    static final double STRONG = 1.0;
    static final double MEDIUM = 0.5;
    static final double WEAK = 0.1;

    /** Versions assumed for the benchmark setups (docs/model.md). */
    static final String V_2019 = "1.15";
    static final String V_NFT_BLOG = "1.31";
    static final String V_SEED = "1.26";
    static final String V_NFTLB = "1.19";

    /** z for a two-sided 90% interval. */
    static final double Z90 = 1.645;

    private static volatile Calibration embedded;

    private final String origin;
    private final double[] modern;
    private final double[] legacy;
    private final double[] control;
    private final Map<String, FitReport> reports = new LinkedHashMap<>();
    private final Map<String, Double> bandFactor = new LinkedHashMap<>();

    private Calibration(BenchmarkDataset data) {
        this.origin = data.origin();
        List<ValidationRow> unused = new ArrayList<>();
        Map<String, List<ValidationRow>> unusedByReport = new LinkedHashMap<>();

        // 1. latency-modern
        List<Observation> mObs = Observations.modern(data);
        LogSpaceFitter.Result m = LogSpaceFitter.fit(mObs, Calibration::modernModel, new double[] {15, 10});
        double[] mLoo = LogSpaceFitter.leaveOneOut(mObs, Calibration::modernModel, new double[] {15, 10});
        this.modern = m.theta();

        // 2. latency-legacy
        List<Observation> lObs = Observations.legacy(data);
        double[] lInit = {50, 1.3, 290};
        LogSpaceFitter.Result l = LogSpaceFitter.fit(lObs, Calibration::legacyModel, lInit);
        double[] lLoo = LogSpaceFitter.leaveOneOut(lObs, Calibration::legacyModel, lInit);
        this.legacy = l.theta();

        // 3. control plane (joint)
        List<Observation> cObs = Observations.control(data);
        double[] cInit = {0.1, 15, 15, 15};
        LogSpaceFitter.Result c = LogSpaceFitter.fit(cObs, Calibration::controlModel, cInit);
        double[] cLoo = LogSpaceFitter.leaveOneOut(cObs, Calibration::controlModel, cInit);
        this.control = c.theta();

        UnusedRows.classify(data, mObs, lObs, cObs, unusedByReport);

        List<FittedParameter> mp = List.of(
                new FittedParameter("alpha", "ns/rule", modern[0], m.standardErrors()[0]),
                new FittedParameter("beta_ipvs", "us/connection", modern[1], m.standardErrors()[1]));
        addReport(LATENCY_MODERN, "Added first-packet latency, 2021+ kernels (Kubernetes nftables blog, 2025)",
                "Services", "ms", mp, mObs, mLoo, modern, Calibration::modernModel, modernCurves(mObs),
                unusedByReport);
        List<FittedParameter> lp = List.of(
                new FittedParameter("alpha_old", "ns/rule", legacy[0], l.standardErrors()[0]),
                new FittedParameter("base_tigera", "ms", legacy[1], l.standardErrors()[1]),
                new FittedParameter("base_cilium16", "us", legacy[2], l.standardErrors()[2]));
        addReport(LATENCY_LEGACY, "Request latency through a Service, 2019-2020 kernels (Tigera 2019, Cilium 1.6)",
                "Services", "ms or us (as published)", lp, lObs, lLoo, legacy, Calibration::legacyModel,
                legacyCurves(), unusedByReport);
        FittedParameter t0 = new FittedParameter("t0", "s/sync", control[0], c.standardErrors()[0]);
        FittedParameter cIpt = new FittedParameter("c_iptables", "us/restore line", control[1], c.standardErrors()[1]);
        FittedParameter cIpvs = new FittedParameter("c_ipvs", "us/object", control[2], c.standardErrors()[2]);
        FittedParameter cNft = new FittedParameter("c_iptables (shared)", "us/object", control[1],
                c.standardErrors()[1]);
        FittedParameter aCpu = new FittedParameter("alpha_cpu_old", "ns/rule", control[3], c.standardErrors()[3]);
        addReport(SYNC_IPTABLES, "iptables sync time: t0 + c x iptables-restore lines", "Services (10 endpoints each)",
                "s or ms (as published)", List.of(t0, cIpt), subset(cObs, SYNC_IPTABLES),
                subsetLoo(cObs, cLoo, SYNC_IPTABLES), control, Calibration::controlModel,
                syncCurves(ProxyMode.IPTABLES, 10, V_SEED), unusedByReport);
        addReport(SYNC_IPVS, "IPVS sync time: t0 + c x (virtual servers + real servers + ipset entries + rules)",
                "Services (10 endpoints each)", "s or ms (as published)", List.of(t0, cIpvs),
                subset(cObs, SYNC_IPVS), subsetLoo(cObs, cLoo, SYNC_IPVS), control, Calibration::controlModel,
                syncCurves(ProxyMode.IPVS, 10, V_SEED), unusedByReport);
        addReport(SYNC_NFTABLES, "nftables sync time: t0 + c x (chains + rules + set and map elements); c assumed "
                + "equal to iptables-restore's per-line cost",
                "Services (2 endpoints each)", "s or ms (as published)", List.of(t0, cNft),
                subset(cObs, SYNC_NFTABLES), subsetLoo(cObs, cLoo, SYNC_NFTABLES), control,
                Calibration::controlModel, syncCurves(ProxyMode.NFTABLES, 2, V_NFT_BLOG), unusedByReport);
        addReport(CPU, "Node CPU increase: data plane (rules x new connections) + periodic syncs (Tigera 2019)",
                "Services (10 endpoints each)", "cores", List.of(aCpu, cIpt, cIpvs), subset(cObs, CPU),
                subsetLoo(cObs, cLoo, CPU), control, Calibration::controlModel, cpuCurves(), unusedByReport);
        addStructureReport(data, unusedByReport);
        // A mode's sync cost per object is constrained by its sync rows and by the Tigera CPU rows of the
        // same mode, so its band is the weighted leave-one-out spread over both (docs/model.md).
        bandFactor.put(SYNC_IPTABLES, looBand(cObs, cLoo, o -> o.reportId().equals(SYNC_IPTABLES)
                || o.reportId().equals(CPU) && o.features()[0] == 3));
        bandFactor.put(SYNC_IPVS, looBand(cObs, cLoo, o -> o.reportId().equals(SYNC_IPVS)
                || o.reportId().equals(CPU) && o.features()[0] == 4));
        // nftables has no parameter of its own (see syncPerObjectUs): its band is iptables' band, widened
        // by its own leave-one-out residuals.
        bandFactor.put(SYNC_NFTABLES, Math.max(bandFactor.get(SYNC_IPTABLES), looBand(cObs, cLoo,
                o -> o.reportId().equals(SYNC_NFTABLES))));
    }

    private static double looBand(List<Observation> obs, double[] loo, java.util.function.Predicate<Observation> in) {
        double ss = 0;
        double wsum = 0;
        for (int i = 0; i < obs.size(); i++) {
            if (in.test(obs.get(i))) {
                double r = Math.log(loo[i] / obs.get(i).measured());
                ss += obs.get(i).weight() * r * r;
                wsum += obs.get(i).weight();
            }
        }
        return wsum > 0 ? Math.exp(Z90 * Math.sqrt(ss / wsum)) : 1.0;
    }



    /** @return the calibration fitted to the embedded dataset (computed once, then cached) */
    public static Calibration embedded() {
        Calibration c = embedded;
        if (c == null) {
            synchronized (Calibration.class) {
                c = embedded;
                if (c == null) {
                    c = fit(BenchmarkDataset.embedded());
                    embedded = c;
                }
            }
        }
        return c;
    }

    /** Fits every model to a dataset. */
    public static Calibration fit(BenchmarkDataset data) {
        return new Calibration(data);
    }

    /** @return where the data came from */
    public String origin() {
        return origin;
    }

    /** @return every report, fitted models first */
    public List<FitReport> reports() {
        return List.copyOf(reports.values());
    }

    /** @return one report */
    public Optional<FitReport> report(String id) {
        return Optional.ofNullable(reports.get(id));
    }

    /**
     * @return the multiplicative half-width of the 90% prediction interval of a report:
     *         {@code exp(1.645 x weighted RMS of leave-one-out log residuals)}
     */
    public double bandFactor(String reportId) {
        return bandFactor.getOrDefault(reportId, 1.0);
    }

    /** @return per-rule latency on 2021+ kernels, ns */
    public double alphaModernNs() {
        return modern[0];
    }

    /** @return IPVS's extra fixed latency per new connection on 2021+ kernels, us */
    public double betaIpvsUs() {
        return modern[1];
    }

    /** @return per-rule latency on 2019-2020 kernels, ns */
    public double alphaLegacyNs() {
        return legacy[0];
    }

    /** @return fixed overhead of one sync, s */
    public double syncFixedSeconds() {
        return control[0];
    }

    /**
     * @return sync cost per object for a mode, us. eBPF uses IPVS's (both program one kernel object per
     *         call); nftables uses iptables-restore's per-line cost (both send one netlink batch), because
     *         the dataset holds no full-sync measurement of a released nftables mode (docs/model.md).
     */
    public double syncPerObjectUs(ProxyMode mode) {
        return switch (mode) {
            case IPTABLES, NFTABLES -> control[1];
            case IPVS, EBPF -> control[2];
        };
    }

    /** @return per-rule CPU on 2019-2020 kernels, ns */
    public double alphaCpuLegacyNs() {
        return control[3];
    }

    /** @return report id of a mode's sync model */
    public static String syncReport(ProxyMode mode) {
        return switch (mode) {
            case IPTABLES -> SYNC_IPTABLES;
            case IPVS, EBPF -> SYNC_IPVS;
            case NFTABLES -> SYNC_NFTABLES;
        };
    }

    // ---------------------------------------------------------------- models

    /** features: {t_nft ms, R, R_nft, isIpvs}; theta: {alpha ns, beta us}. */
    static double modernModel(Observation o, double[] t) {
        double[] f = o.features();
        return f[0] + t[0] * (f[1] - f[2]) * 1e-6 + f[3] * t[1] * 1e-3;
    }

    /** features: {R, source (0 Tigera ms, 1 Cilium us)}; theta: {alpha ns, base_tigera ms, base_cilium us}. */
    static double legacyModel(Observation o, double[] t) {
        double[] f = o.features();
        return f[1] == 0 ? t[1] + t[0] * f[0] * 1e-6 : t[2] + t[0] * f[0] * 1e-3;
    }

    /**
     * features: {kind, a, b, unitScale, lambda}; kind 0..2 = sync of iptables/ipvs/nftables with a = objects
     * (value in seconds x unitScale); kind 3/4 = CPU increase of iptables/ipvs with a = dObjects, b = dRules.
     * theta: {t0 s, c_ipt us (also nftables), c_ipvs us, alpha_cpu ns}. The 30 s divisor is the Tigera
     * setup's periodic full resync ("kube-proxy reprograms the kernel with all services at 30-second intervals").
     */
    static double controlModel(Observation o, double[] t) {
        double[] f = o.features();
        int kind = (int) f[0];
        if (kind <= 2) {
            double c = kind == 1 ? t[2] : t[1];
            return (t[0] + c * f[1] * 1e-6) * f[3];
        }
        double c = kind == 3 ? t[1] : t[2];
        return f[4] * t[3] * f[2] * 1e-9 + c * f[1] * 1e-6 / 30.0;
    }

    // ---------------------------------------------------------------- reports and curves

    private void addReport(String id, String title, String xLabel, String unit, List<FittedParameter> params,
                           List<Observation> obs, double[] loo, double[] theta, LogSpaceFitter.Model model,
                           List<CurveSeries> curves, Map<String, List<ValidationRow>> unused) {
        List<ValidationRow> rows = new ArrayList<>();
        double[] inFactors = new double[obs.size()];
        double[] looFactors = new double[obs.size()];
        double ss = 0;
        double wsum = 0;
        for (int i = 0; i < obs.size(); i++) {
            Observation o = obs.get(i);
            double pred = model.predict(o, theta);
            inFactors[i] = LogSpaceFitter.factorError(pred, o.measured());
            looFactors[i] = LogSpaceFitter.factorError(loo[i], o.measured());
            double r = Math.log(loo[i] / o.measured());
            ss += o.weight() * r * r;
            wsum += o.weight();
            rows.add(new ValidationRow(o.point().id(), o.conditions(), o.x(), o.measured(), pred, loo[i],
                    inFactors[i], looFactors[i], true, o.series()));
        }
        rows.addAll(unused.getOrDefault(id, List.of()));
        double sigma = wsum > 0 ? Math.sqrt(ss / wsum) : 0;
        bandFactor.put(id, Math.exp(Z90 * sigma));
        reports.put(id, new FitReport(id, title, xLabel, unit, params, rows, median(inFactors), max(inFactors),
                median(looFactors), max(looFactors), curves));
    }

    private void addStructureReport(BenchmarkDataset data, Map<String, List<ValidationRow>> unused) {
        List<ValidationRow> rows = new ArrayList<>();
        List<Double> factors = new ArrayList<>();
        for (BenchmarkPoint p : data.points()) {
            if (!UnusedRows.isStructureRow(p)) {
                continue;
            }
            long s = (long) p.services().orElseThrow();
            int e = (int) p.endpointsPerService().orElse(10);
            double pred = Features.structure(ProxyMode.IPTABLES, s, e, V_2019, false).clusterIp().worst();
            double f = LogSpaceFitter.factorError(pred, p.value());
            factors.add(f);
            rows.add(new ValidationRow(p.id(), String.format(Locale.ROOT, "%,d services x %d endpoints, kube-proxy %s "
                    + "(2 KUBE-SERVICES rules per ClusterIP); worst case", s, e, V_2019), s, p.value(), pred, pred, f,
                    f, true, "Tigera chart vs structural worst case"));
        }
        rows.addAll(unused.getOrDefault(STRUCTURE, List.of()));
        double[] fa = factors.stream().mapToDouble(Double::doubleValue).toArray();
        double[] xs = logGrid(10, 100_000, 25);
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = Features.structure(ProxyMode.IPTABLES, Math.round(xs[i]), 10, V_2019, false).clusterIp().worst();
        }
        reports.put(STRUCTURE, new FitReport(STRUCTURE, "Rules per new connection (structural, not fitted)",
                "Services (10 endpoints each)", "rules", List.of(), rows, median(fa), max(fa), median(fa), max(fa),
                List.of(new CurveSeries("iptables worst case, pre-1.21 layout", xs, ys))));
    }

    private static List<Observation> subset(List<Observation> obs, String reportId) {
        return obs.stream().filter(o -> o.reportId().equals(reportId)).toList();
    }

    private static double[] subsetLoo(List<Observation> obs, double[] loo, String reportId) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < obs.size(); i++) {
            if (obs.get(i).reportId().equals(reportId)) {
                out.add(loo[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private List<CurveSeries> modernCurves(List<Observation> obs) {
        List<CurveSeries> out = new ArrayList<>();
        double[] xs = logGrid(100, 100_000, 20);
        double rNft = Features.rulesMean(ProxyMode.NFTABLES, 5000, 2, V_NFT_BLOG);
        for (String q : new String[] {"p50", "p99"}) {
            double qv = q.equals("p50") ? 0.5 : 0.99;
            double tNft = obs.stream().filter(o -> o.series().endsWith(q)).mapToDouble(o -> o.features()[0]).average()
                    .orElse(Double.NaN);
            for (ProxyMode mode : new ProxyMode[] {ProxyMode.IPTABLES, ProxyMode.IPVS}) {
                double[] ys = new double[xs.length];
                for (int i = 0; i < xs.length; i++) {
                    double r = Features.rulesQuantile(mode, Math.round(xs[i]), 2, V_NFT_BLOG, qv);
                    ys[i] = modernModel(new Observation(LATENCY_MODERN, dummy(), 1, new double[] {tNft, r, rNft,
                        mode == ProxyMode.IPVS ? 1 : 0}, 1, xs[i], "", ""), modern);
                }
                out.add(new CurveSeries(mode.id() + " " + q, xs, ys));
            }
        }
        return out;
    }

    private List<CurveSeries> legacyCurves() {
        double[] xs = logGrid(1, 10_000, 20);
        List<CurveSeries> out = new ArrayList<>();
        out.add(curve("Tigera iptables (ms)", xs, s -> legacy[1] + legacy[0]
                * Features.rulesMean(ProxyMode.IPTABLES, s, 10, V_2019) * 1e-6));
        out.add(curve("Tigera ipvs (ms)", xs, s -> legacy[1] + legacy[0]
                * Features.rulesMean(ProxyMode.IPVS, s, 10, V_2019) * 1e-6));
        out.add(curve("Cilium 1.6 iptables NodePort (us)", xs, s -> legacy[2] + legacy[0]
                * Features.nodePortRulesMean(ProxyMode.IPTABLES, s, 1, V_2019) * 1e-3));
        return out;
    }

    private List<CurveSeries> syncCurves(ProxyMode mode, int endpoints, String version) {
        double[] xs = logGrid(10, 100_000, 20);
        double c = syncPerObjectUs(mode);
        List<CurveSeries> out = new ArrayList<>();
        out.add(curve(mode.id() + " full sync (s)", xs, s -> control[0]
                + c * Features.fullSyncObjects(mode, s, endpoints, version) * 1e-6));
        out.add(curve(mode.id() + " partial sync (s)", xs, s -> control[0]
                + c * Features.partialSyncObjects(mode, s, endpoints, version) * 1e-6));
        return out;
    }

    private List<CurveSeries> cpuCurves() {
        double[] xs = logGrid(10, 100_000, 20);
        List<CurveSeries> out = new ArrayList<>();
        for (ProxyMode mode : new ProxyMode[] {ProxyMode.IPTABLES, ProxyMode.IPVS}) {
            double base = Features.fullSyncObjects(mode, 10, 10, V_2019);
            double r0 = Features.rulesMean(mode, 10, 10, V_2019);
            double c = syncPerObjectUs(mode);
            out.add(curve(mode.id() + " CPU increase (cores)", xs, s -> 1000 * control[3]
                    * (Features.rulesMean(mode, s, 10, V_2019) - r0) * 1e-9
                    + c * (Features.fullSyncObjects(mode, s, 10, V_2019) - base) * 1e-6 / 30.0));
        }
        return out;
    }

    private static CurveSeries curve(String label, double[] xs, Function<Long, Double> f) {
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = f.apply(Math.round(xs[i]));
        }
        return new CurveSeries(label, xs, ys);
    }

    private static BenchmarkPoint dummy() {
        return new BenchmarkPoint("curve", "", "", 0, "", "", "", java.util.OptionalDouble.empty(),
                java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(),
                java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(), "", 1, java.util.OptionalDouble
                .empty(), java.util.OptionalDouble.empty(), "", "", 0);
    }

    static double[] logGrid(double from, double to, int points) {
        double[] xs = new double[points];
        for (int i = 0; i < points; i++) {
            xs[i] = Math.round(from * Math.pow(to / from, i / (double) (points - 1)));
        }
        return xs;
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static double max(double[] v) {
        double m = Double.NaN;
        for (double x : v) {
            m = Double.isNaN(m) ? x : Math.max(m, x);
        }
        return m;
    }
}
