package dev.kpp.model.calibration;

import dev.kpp.model.cost.Assumptions;
import dev.kpp.model.cost.CostParameters;
import dev.kpp.model.cost.Estimate;
import dev.kpp.model.cost.FamilyParameters;
import dev.kpp.model.cost.Forms;
import dev.kpp.model.inventory.ConntrackConfig;
import dev.kpp.model.inventory.Protocol;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.inventory.ServiceType;
import dev.kpp.model.inventory.TrafficPolicy;
import dev.kpp.model.rules.CalicoPolicyStructure;
import dev.kpp.model.rules.IptablesStructure;
import dev.kpp.model.rules.ServicePortShape;
import dev.kpp.model.rules.StructureOptions;
import dev.kpp.model.rules.Workload;
import dev.kpp.model.units.KubeVersion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calibrated cost models: every parameter is fitted here, at run time, from the benchmark dataset (the
 * embedded one, or any copy passed to {@link #fit}). Each family ({@link Families}) compares its candidate forms
 * by leave-one-out, fits a factor per source where it has several, is validated by leave-one-out and
 * leave-source-out, and gets a 90% band from its held-out residuals. The result for the cost engine is
 * {@link #costParameters()}. docs/model.md explains each form, the data and the limits.
 */
public final class Calibration {
    /** Report ids (the families of {@link Forms} and the structural checks). */
    public static final String LATENCY_MODERN = Forms.LATENCY_MODERN;
    public static final String LATENCY_LEGACY = Forms.LATENCY_LEGACY;
    public static final String SYNC_IPTABLES = Forms.SYNC_IPTABLES;
    public static final String SYNC_IPVS = Forms.SYNC_IPVS;
    public static final String SYNC_NFTABLES = Forms.SYNC_NFTABLES;
    public static final String CPU = Forms.CPU;
    public static final String STRUCTURE = "structure-iptables";
    public static final String STRUCTURE_RULES = "structure-rules";

    /** Families with fewer rows than this are marked low confidence ({@code few-rows}). */
    public static final int MIN_ROWS_FOR_HIGH = 5;
    /** Median leave-source-out factor error above which a family's sources disagree too much for high confidence. */
    public static final double MAX_LSO_FOR_HIGH = 2.0;
    /**
     * Reason code of a used row that alone determines a parameter (the iptables restart factor, a source's own
     * parameter): its held-out prediction rests on the parameter's prior, so form choice, bands and coverage leave
     * it out (its figures are still reported).
     */
    public static final String SOLE_SUPPORT = "sole-support";
    /**
     * Prior spread of the source factors: a setup's hardware, kernel and method are taken to scale a cost by up to
     * about 3x at one standard deviation (assumption {@code source-factor-spread}; the fitted factors are printed).
     */
    public static final double SOURCE_FACTOR_SPREAD = Assumptions.SOURCE_FACTOR_SPREAD.value();

    /**
     * Version of what a fit produces (families, forms, reports). Part of every stored fit's key with the dataset's
     * hash: a fit stored by another version is never restored. Raise it with any change to the fitting code's output.
     */
    public static final int MODEL_VERSION = 2;

    private static volatile Calibration embedded;
    private static volatile Store store;

    private final String origin;
    private final String datasetSha256;
    private final boolean restored;
    private final Map<String, FitReport> reports = new LinkedHashMap<>();
    private final CostParameters costParameters;
    private final double fitMillis;
    private final int coveredRows;
    private final int coverageRows;
    private final double betweenSourceSigma;

    /**
     * Keeps fitted calibrations between processes (a file cache). The model does no I/O: the composition root
     * installs a store ({@link #useStore}) that reads and writes plain values ({@link #toValues()}) where it likes.
     */
    public interface Store {
        /**
         * @param datasetSha256 the dataset's {@link BenchmarkDataset#sha256()}
         * @return the values saved for this dataset by this kpp, or empty; never throws for a missing or unreadable
         * entry
         */
        Optional<Map<String, Object>> load(String datasetSha256);

        /**
         * Saves a fresh fit; failures are the store's to swallow (a fit that cannot be kept is still a fit).
         *
         * @param datasetSha256 the dataset's {@link BenchmarkDataset#sha256()}
         * @param values        {@link #toValues()}
         */
        void save(String datasetSha256, Map<String, Object> values);
    }

    private Calibration(String origin, String datasetSha256, Map<String, FitReport> reports, CostParameters cost,
                        double fitMillis, int coveredRows, int coverageRows, double betweenSourceSigma) {
        this.origin = origin;
        this.datasetSha256 = datasetSha256;
        this.restored = true;
        this.reports.putAll(reports);
        this.costParameters = cost;
        this.fitMillis = fitMillis;
        this.coveredRows = coveredRows;
        this.coverageRows = coverageRows;
        this.betweenSourceSigma = betweenSourceSigma;
    }

    private Calibration(BenchmarkDataset data) {
        long start = System.nanoTime();
        this.origin = data.origin();
        this.datasetSha256 = data.sha256();
        this.restored = false;
        double sigma = Math.log(SOURCE_FACTOR_SPREAD);
        Map<String, Double> assumptions = Assumptions.defaults();
        Map<String, FamilyParameters> fitted = new LinkedHashMap<>();
        List<FamilyFitter.Result> results = new ArrayList<>();
        Map<String, List<Observation>> checks = new LinkedHashMap<>();
        for (FamilySpec spec : Families.all()) {
            CostParameters sofar = new CostParameters(fitted, assumptions);
            long tb = System.nanoTime();
            List<Observation> obs = spec.observations(data, sofar);
            if (Boolean.getBoolean("kpp.calibration.timing")) {
                System.err.printf("%s observations %.0f ms%n", spec.id, (System.nanoTime() - tb) / 1e6);
            }
            if (obs.isEmpty()) {
                throw new IllegalArgumentException(data.origin() + ": no rows for calibration family '" + spec.id
                        + "'");
            }
            long t = System.nanoTime();
            FamilyFitter.Result r = FamilyFitter.fit(spec, obs, sigma);
            if (Boolean.getBoolean("kpp.calibration.timing")) {
                System.err.printf("%s %.0f ms%n", spec.id, (System.nanoTime() - t) / 1e6);
            }
            results.add(r);
            checks.put(spec.id, spec.checks(data, sofar));
            fitted.put(spec.id, parameters(r, 1.0, Estimate.Confidence.HIGH, ""));
        }
        // between-source spread: how much worse out-of-source predictions are than out-of-row ones, the median over
        // the families that have several sources (robust to one family whose sources disagree wildly)
        List<Double> spreads = new ArrayList<>();
        for (FamilyFitter.Result r : results) {
            if (r.sources().size() >= 2) {
                double lso = FamilyFitter.rmsLog(r.chosen().lso, r.obs());
                double loo = FamilyFitter.rmsLog(r.chosen().loo, r.obs());
                if (!Double.isNaN(lso) && !Double.isNaN(loo)) {
                    spreads.add(Math.sqrt(Math.max(0, lso * lso - loo * loo)));
                }
            }
        }
        this.betweenSourceSigma = spreads.isEmpty() ? Math.log(SOURCE_FACTOR_SPREAD)
                : FamilyFitter.median(spreads.stream().mapToDouble(Double::doubleValue).toArray());

        Set<String> used = new HashSet<>();
        for (FamilyFitter.Result r : results) {
            for (Observation o : r.obs()) {
                used.add(o.point().id());
            }
        }
        Map<String, List<ValidationRow>> structural = new LinkedHashMap<>();
        structural.put(STRUCTURE, structureIptablesRows(data, used));
        structural.put(STRUCTURE_RULES, structureRulesRows(data, used));
        Map<String, List<ValidationRow>> unused = new LinkedHashMap<>();
        for (Map.Entry<String, List<Observation>> e : checks.entrySet()) {
            FamilyFitter.Result r = results.stream().filter(x -> x.spec().id.equals(e.getKey())).findFirst()
                    .orElseThrow();
            for (Observation o : e.getValue()) {
                int s = r.sources().indexOf(o.source());
                double pred = r.chosen().fit.predict(r.chosen().form.model(), o, r.sourceOf() != null
                        && r.chosen().fit.sourceFactors().length > Math.max(0, s) ? s : -1);
                UnusedRows.Reason why = UnusedRows.reason(o.point());
                unused.computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add(new ValidationRow(o.point().id(),
                        o.conditions(), o.x(), o.measured(), pred, Double.NaN,
                        LogSpaceFitter.factorError(pred, o.measured()), Double.NaN, false, why.note(), Double.NaN,
                        Double.NaN, o.source(), why.code(), false));
                used.add(o.point().id());
            }
        }
        for (BenchmarkPoint p : data.points()) {
            if (used.contains(p.id())) {
                continue;
            }
            UnusedRows.Reason why = UnusedRows.reason(p);
            unused.computeIfAbsent(why.family(), x -> new ArrayList<>()).add(new ValidationRow(p.id(),
                    p.kernelOrVersion(), p.services().orElse(Double.NaN), p.value(), Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, false, why.note(), Double.NaN, Double.NaN, SourceKeys.of(p), why.code(),
                    false));
        }

        int covered = 0;
        int rows = 0;
        for (FamilyFitter.Result r : results) {
            FamilyFitter.FormResult c = r.chosen();
            double[] lsoKept = FamilyFitter.masked(c.lso, c.soleSupport);
            double[] looKept = FamilyFitter.masked(c.loo, c.soleSupport);
            double sigmaBand = r.sources().size() >= 2 && !Double.isNaN(FamilyFitter.rmsLog(lsoKept, r.obs()))
                    ? FamilyFitter.rmsLog(lsoKept, r.obs())
                    : Math.hypot(FamilyFitter.rmsLog(looKept, r.obs()), betweenSourceSigma);
            double band = Math.exp(FamilyFitter.Z90 * sigmaBand);
            Estimate.Confidence conf = Estimate.Confidence.HIGH;
            String reason = "";
            if (r.obs().size() < MIN_ROWS_FOR_HIGH) {
                conf = Estimate.Confidence.LOW;
                reason = "few-rows";
            } else if (r.sources().size() < 2) {
                conf = Estimate.Confidence.LOW;
                reason = "one-source";
            } else if (FamilyFitter.median(FamilyFitter.factors(c.lso, r.obs())) > MAX_LSO_FOR_HIGH) {
                conf = Estimate.Confidence.LOW;
                reason = "sources-disagree";
            }
            fitted.put(r.spec().id, parameters(r, band, conf, reason));
            int[] cov = FamilyFitter.coverage(looKept, r.obs());
            covered += cov[0];
            rows += cov[1];
            reports.put(r.spec().id, report(r, band, conf, reason, unused.getOrDefault(r.spec().id, List.of())));
        }
        for (Map.Entry<String, List<ValidationRow>> e : structural.entrySet()) {
            List<ValidationRow> rs = new ArrayList<>(e.getValue());
            rs.addAll(unused.getOrDefault(e.getKey(), List.of()));
            reports.put(e.getKey(), structuralReport(e.getKey(), rs));
        }
        this.coveredRows = covered;
        this.coverageRows = rows;
        this.costParameters = new CostParameters(fitted, assumptions);
        this.fitMillis = (System.nanoTime() - start) / 1e6;
    }

    /**
     * @return the calibration of the embedded dataset, once per process: restored from the installed {@link Store}
     * when it holds a fit of this dataset by this model version, otherwise fitted (and then saved to the store)
     */
    public static Calibration embedded() {
        Calibration c = embedded;
        if (c == null) {
            synchronized (Calibration.class) {
                c = embedded;
                if (c == null) {
                    Store s = store;
                    c = s == null ? fit(BenchmarkDataset.embedded())
                            : fitOrRestore(BenchmarkDataset.embeddedSha256(), BenchmarkDataset::embedded, s);
                    embedded = c;
                }
            }
        }
        return c;
    }

    /**
     * Installs the store {@link #embedded()} uses (the composition root's choice; none by default, so tests fit).
     * Takes effect for the first {@link #embedded()} call after it.
     *
     * @param s the store, or null for none
     */
    public static void useStore(Store s) {
        store = s;
    }

    /** Fits every model to a dataset. */
    public static Calibration fit(BenchmarkDataset data) {
        return new Calibration(data);
    }

    /**
     * A dataset's calibration through a store: restored when the store holds a valid fit of this dataset (same hash,
     * same {@link #MODEL_VERSION}), fitted and saved otherwise. An entry that does not restore (corrupt, another
     * dataset, another version) is treated as missing: refitted and overwritten.
     *
     * @param data  the dataset
     * @param store where fits are kept
     * @return the calibration; equal in every prediction to {@code fit(data)}
     */
    public static Calibration fit(BenchmarkDataset data, Store store) {
        return fitOrRestore(data.sha256(), () -> data, store);
    }

    private static Calibration fitOrRestore(String sha256, java.util.function.Supplier<BenchmarkDataset> data,
                                            Store s) {
        Optional<Map<String, Object>> saved = s.load(sha256);
        if (saved.isPresent()) {
            try {
                return fromValues(saved.get(), sha256);
            } catch (IllegalArgumentException e) {
                // not a fit this kpp can use: fit again and replace it
            }
        }
        Calibration c = fit(data.get());
        s.save(sha256, c.toValues());
        return c;
    }

    /**
     * The fit as plain values (strings, booleans, longs, doubles, lists, string-keyed maps; {@code NaN} and infinities
     * as strings), for a store to write as JSON. {@link #fromValues} restores it exactly.
     *
     * @return a new mutable map
     */
    public Map<String, Object> toValues() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("modelVersion", (long) MODEL_VERSION);
        v.put("datasetSha256", datasetSha256);
        v.put("origin", origin);
        v.put("fitMillis", PlainValues.encode(fitMillis));
        v.put("coveredRows", (long) coveredRows);
        v.put("coverageRows", (long) coverageRows);
        v.put("betweenSourceSigma", PlainValues.encode(betweenSourceSigma));
        v.put("costParameters", PlainValues.encode(costParameters));
        v.put("reports", PlainValues.encode(List.copyOf(reports.values())));
        return v;
    }

    /**
     * Restores a fit from {@link #toValues()}.
     *
     * @param values        the plain values
     * @param datasetSha256 the hash of the dataset the fit must be of
     * @return the calibration, {@link #restored()}
     * @throws IllegalArgumentException when the values are of another model version or dataset, or malformed (the
     *                                  message names the field)
     */
    public static Calibration fromValues(Map<String, Object> values, String datasetSha256) {
        try {
            Object version = values.get("modelVersion");
            if (!(version instanceof Long l) || l != MODEL_VERSION) {
                throw new IllegalArgumentException("modelVersion: " + version + " is not " + MODEL_VERSION);
            }
            if (!datasetSha256.equals(values.get("datasetSha256"))) {
                throw new IllegalArgumentException("datasetSha256: a fit of another dataset");
            }
            CostParameters cost = (CostParameters) PlainValues.decode(CostParameters.class,
                    values.get("costParameters"), "costParameters");
            Map<String, FitReport> reports = new LinkedHashMap<>();
            for (Object r : (List<?>) PlainValues.decode(REPORT_LIST, values.get("reports"), "reports")) {
                FitReport f = (FitReport) r;
                reports.put(f.id(), f);
            }
            return new Calibration((String) PlainValues.decode(String.class, values.get("origin"), "origin"),
                    datasetSha256, reports, cost,
                    (Double) PlainValues.decode(double.class, values.get("fitMillis"), "fitMillis"),
                    (Integer) PlainValues.decode(int.class, values.get("coveredRows"), "coveredRows"),
                    (Integer) PlainValues.decode(int.class, values.get("coverageRows"), "coverageRows"),
                    (Double) PlainValues.decode(double.class, values.get("betweenSourceSigma"), "betweenSourceSigma"));
        } catch (ClassCastException | NullPointerException | IllegalStateException e) {
            throw new IllegalArgumentException("not a stored calibration: " + e.getMessage(), e);
        }
    }

    private static final java.lang.reflect.Type REPORT_LIST = reportListType();

    private static java.lang.reflect.Type reportListType() {
        try {
            return Calibration.class.getDeclaredMethod("reports").getGenericReturnType();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the hash of the dataset this was fitted to ({@link BenchmarkDataset#sha256()}) */
    public String datasetSha256() {
        return datasetSha256;
    }

    /** @return true when this fit was restored from a store rather than computed in this process */
    public boolean restored() {
        return restored;
    }

    /** @return where the data came from */
    public String origin() {
        return origin;
    }

    /** @return every report, fitted families first, then the structural checks */
    public List<FitReport> reports() {
        return List.copyOf(reports.values());
    }

    /** @return one report */
    public Optional<FitReport> report(String id) {
        return Optional.ofNullable(reports.get(id));
    }

    /** @return the fitted parameters the cost engine uses */
    public CostParameters costParameters() {
        return costParameters;
    }

    /** @return the multiplicative half-width of a family's 90% prediction interval (1 for structural checks) */
    public double bandFactor(String reportId) {
        FitReport r = reports.get(reportId);
        return r == null ? 1.0 : r.bandFactor90();
    }

    /** @return a fitted parameter of a family's chosen form */
    public double parameter(String family, String name) {
        return costParameters.family(family).get(name);
    }

    /** @return wall time of the whole fit, ms (reported by {@code kpp calibrate}); of the original fit when {@link #restored()} */
    public double fitMillis() {
        return fitMillis;
    }

    /** @return used rows over all fitted families */
    public int rowsUsed() {
        return reports.values().stream().filter(r -> !r.structural()).mapToInt(r -> r.usedRows().size()).sum();
    }

    /** @return share of used rows, over all fitted families, inside their leave-one-out 90% band */
    public double looCoverage() {
        return coverageRows == 0 ? Double.NaN : coveredRows / (double) coverageRows;
    }

    /** @return the between-source log spread used to widen one-source bands */
    public double betweenSourceSigma() {
        return betweenSourceSigma;
    }

    /** Fits one family alone on a dataset, with earlier families taken from {@code context} (tests). */
    static FamilyFitter.Result fitFamily(String id, BenchmarkDataset data, CostParameters context) {
        FamilySpec spec = Families.all().stream().filter(f -> f.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no family " + id));
        return FamilyFitter.fit(spec, spec.observations(data, context), Math.log(SOURCE_FACTOR_SPREAD));
    }

    // ---------------------------------------------------------------- reports

    private static FamilyParameters parameters(FamilyFitter.Result r, double band, Estimate.Confidence conf,
                                               String reason) {
        FamilyFitter.FormResult c = r.chosen();
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < c.form.names().size(); i++) {
            values.put(c.form.names().get(i), c.fit.theta()[i]);
        }
        values.putAll(c.form.fixed());
        List<String> basis = r.obs().stream().map(o -> o.point().id()).toList();
        double min = r.obs().stream().mapToDouble(o -> o.point().services().orElse(Double.NaN))
                .filter(x -> !Double.isNaN(x)).min().orElse(Double.NaN);
        double max = r.obs().stream().mapToDouble(o -> o.point().services().orElse(Double.NaN))
                .filter(x -> !Double.isNaN(x)).max().orElse(Double.NaN);
        return new FamilyParameters(r.spec().id, c.form.id(), values, band, conf, reason, basis, min, max);
    }

    private FitReport report(FamilyFitter.Result r, double band, Estimate.Confidence conf, String reason,
                             List<ValidationRow> unused) {
        FamilyFitter.FormResult c = r.chosen();
        List<Observation> obs = r.obs();
        double[] in = FamilyFitter.factors(c.inSample, obs);
        double[] loo = FamilyFitter.factors(c.loo, obs);
        double[] lso = FamilyFitter.factors(c.lso, obs);
        int[] cov = FamilyFitter.coverage(FamilyFitter.masked(c.loo, c.soleSupport), obs);
        int[] lsoCov = FamilyFitter.coverage(FamilyFitter.masked(c.lso, c.soleSupport), obs);
        double looSs = 0;
        int looN = 0;
        double[] res = new double[obs.size()];
        for (int i = 0; i < obs.size(); i++) {
            res[i] = Math.log(obs.get(i).measured() / c.loo[i]);
            if (!c.soleSupport[i]) {
                looSs += res[i] * res[i];
                looN++;
            }
        }
        List<ValidationRow> rows = new ArrayList<>();
        for (int i = 0; i < obs.size(); i++) {
            Observation o = obs.get(i);
            boolean sole = c.soleSupport[i];
            double others = sole ? looSs : looSs - res[i] * res[i];
            int othersN = sole ? looN : looN - 1;
            double sigmaOthers = othersN > 0 ? Math.sqrt(others / othersN) : Double.NaN;
            boolean inBand = Math.abs(res[i]) <= FamilyFitter.Z90 * sigmaOthers + 1e-12;
            rows.add(new ValidationRow(o.point().id(), o.conditions(), o.x(), o.measured(), c.inSample[i], c.loo[i],
                    in[i], loo[i], true, o.series(), c.lso[i], lso[i], o.source(), sole ? SOLE_SUPPORT : "",
                    inBand));
        }
        rows.addAll(unused);
        List<FittedParameter> params = new ArrayList<>();
        for (int i = 0; i < c.form.names().size(); i++) {
            params.add(new FittedParameter(c.form.names().get(i), c.form.units().get(i), c.fit.theta()[i],
                    c.fit.standardErrors()[i]));
        }
        for (Map.Entry<String, Double> e : new java.util.TreeMap<>(c.form.fixed()).entrySet()) {
            params.add(new FittedParameter(e.getKey(), "pooled", e.getValue(), Double.NaN));
        }
        List<FormScore> forms = new ArrayList<>();
        for (FamilyFitter.FormResult f : r.candidates()) {
            forms.add(new FormScore(f.form.id(), f.form.names().size(),
                    FamilyFitter.median(FamilyFitter.factors(f.inSample, obs)), f.looMedian, f.looRmsLog, f == c));
        }
        List<SourceFactor> factors = new ArrayList<>();
        for (int s = 0; s < r.sources().size(); s++) {
            final int ss = s;
            int n = (int) java.util.stream.IntStream.range(0, obs.size()).filter(i -> r.sourceOf()[i] == ss).count();
            double f = c.fit.sourceFactors().length > s ? c.fit.sourceFactors()[s] : 1.0;
            factors.add(new SourceFactor(r.sources().get(s), n, f));
        }
        return new FitReport(r.spec().id, r.spec().title, r.spec().xLabel, r.spec().unit, params, rows,
                FamilyFitter.median(in), FamilyFitter.max(in), FamilyFitter.median(loo), FamilyFitter.max(loo),
                curves(r), c.form.id(), forms, FamilyFitter.median(lso), FamilyFitter.max(lso), band,
                cov[1] == 0 ? Double.NaN : cov[0] / (double) cov[1],
                lsoCov[1] == 0 ? Double.NaN : lsoCov[0] / (double) lsoCov[1], r.sources().size(),
                conf.id(), reason, factors);
    }

    /** Fitted values through each series' rows, in x order (what the window draws behind the points). */
    private static List<CurveSeries> curves(FamilyFitter.Result r) {
        Map<String, List<int[]>> bySeries = new LinkedHashMap<>();
        for (int i = 0; i < r.obs().size(); i++) {
            bySeries.computeIfAbsent(r.obs().get(i).series(), x -> new ArrayList<>()).add(new int[] {i});
        }
        List<CurveSeries> out = new ArrayList<>();
        for (Map.Entry<String, List<int[]>> e : bySeries.entrySet()) {
            List<int[]> idx = new ArrayList<>(e.getValue());
            idx.sort(Comparator.comparingDouble(a -> r.obs().get(a[0]).x()));
            double[] xs = new double[idx.size()];
            double[] ys = new double[idx.size()];
            for (int j = 0; j < idx.size(); j++) {
                xs[j] = r.obs().get(idx.get(j)[0]).x();
                ys[j] = r.chosen().inSample[idx.get(j)[0]];
            }
            out.add(new CurveSeries(e.getKey() + " (fit)", xs, ys));
        }
        return out;
    }

    private static FitReport structuralReport(String id, List<ValidationRow> rows) {
        double[] f = rows.stream().filter(ValidationRow::used).mapToDouble(ValidationRow::factorError).toArray();
        String title = id.equals(STRUCTURE) ? "Rules per new connection (structural, not fitted)"
                : "Rule counts and defaults (structural, not fitted)";
        return new FitReport(id, title, "Services", "rules", List.of(), rows, FamilyFitter.median(f),
                FamilyFitter.max(f), FamilyFitter.median(f), FamilyFitter.max(f), List.of(), "structural", List.of(),
                Double.NaN, Double.NaN, 1.0, Double.NaN, Double.NaN, (int) rows.stream().filter(ValidationRow::used)
                .map(ValidationRow::source).distinct().count(), Estimate.Confidence.EXACT.id(), "", List.of());
    }

    private static ValidationRow check(BenchmarkPoint p, String conditions, double predicted, String note) {
        double f = LogSpaceFitter.factorError(Math.max(predicted, 1e-12), p.value());
        return new ValidationRow(p.id(), conditions, p.services().orElse(Double.NaN), p.value(), predicted, predicted,
                f, f, true, note, Double.NaN, Double.NaN, SourceKeys.of(p), "", f <= 1.5);
    }

    /** Tigera's rules-per-connection chart against the structural worst case. */
    private static List<ValidationRow> structureIptablesRows(BenchmarkDataset data, Set<String> used) {
        List<ValidationRow> rows = new ArrayList<>();
        for (BenchmarkPoint p : data.points()) {
            boolean chart = p.metric().equals("avg_rules_executed_per_connection") && p.mode().equals("iptables");
            if (!(chart || p.metric().equals("rules_executed_per_new_connection")) || !p.services().isPresent()) {
                continue;
            }
            Conditions c = new Conditions(p);
            long s = c.servicesRequired();
            int e = c.endpointsPerService();
            KubeVersion v = c.version();
            double pred = Features.structure(ProxyMode.IPTABLES, s, e, v, false).clusterIp().worst();
            rows.add(check(p, String.format(Locale.ROOT, "%,d Services x %d endpoints, kube-proxy %s; worst case%s", s,
                    e, v, c.assumed().isEmpty() ? "" : "; " + c.assumed()), pred, "Tigera chart vs structural worst case"));
            used.add(p.id());
        }
        return rows;
    }

    private static final Pattern EXT_IPS = Pattern.compile("(\\d+) externalIP");
    private static final Pattern LB_IPS = Pattern.compile("(\\d+) LB ingress IP");
    private static final Pattern PODS = Pattern.compile("(\\d+) pods/node");
    private static final Pattern POLICIES = Pattern.compile("(\\d+) network policies per pod");

    /** kube-proxy's own rule counts (TestNumberIptablesRules), conntrack and map defaults, Calico's rules. */
    private static List<ValidationRow> structureRulesRows(BenchmarkDataset data, Set<String> used) {
        List<ValidationRow> rows = new ArrayList<>();
        for (BenchmarkPoint p : data.points()) {
            String m = p.metric();
            if (m.startsWith("nat_rules_generated_") && p.services().isPresent()) {
                Conditions c = new Conditions(p);
                long s = c.servicesRequired();
                int e = p.endpointsPerService().isPresent() ? (int) p.endpointsPerService().getAsDouble()
                        : c.endpointsPerService();
                KubeVersion v = c.version();
                boolean lb = m.endsWith("LoadBalancer");
                int ext = lb ? group(EXT_IPS, p.notes(), 0) : 0;
                int lbIps = lb ? group(LB_IPS, p.notes(), 0) : 0;
                int ranges = lb && p.notes().contains("sourceRanges") ? 1 : 0;
                ServicePortShape shape = new ServicePortShape(lb ? ServiceType.LOAD_BALANCER : ServiceType.CLUSTER_IP,
                        Protocol.TCP, lb, ext, lbIps, ranges, TrafficPolicy.CLUSTER, TrafficPolicy.CLUSTER, false, e, 0,
                        false);
                Map<ServicePortShape, Long> shapes = new LinkedHashMap<>();
                if (s > 0) {
                    shapes.put(shape, s);
                }
                double pred = IptablesStructure.compute(Workload.of(shapes, 0, 0, 0, ""),
                        StructureOptions.forVersion(v)).count("nat");
                rows.add(check(p, String.format(Locale.ROOT, "%,d %s Services x %d endpoints, kube-proxy %s (the test's "
                        + "template: %d external IP, %d LB IP, %d source range)", s, lb ? "LoadBalancer" : "ClusterIP",
                        e, v, ext, lbIps, ranges), pred, "TestNumberIptablesRules vs structure"));
                used.add(p.id());
            } else if (m.equals("kube-proxy_default_nf_conntrack_max_per_core")) {
                rows.add(check(p, "kube-proxy conntrack.maxPerCore default", ConntrackConfig.defaults().maxPerCore(),
                        "default kpp uses"));
                used.add(p.id());
            } else if (m.equals("kube-proxy_default_nf_conntrack_max_minimum")) {
                rows.add(check(p, "kube-proxy conntrack.min default", ConntrackConfig.defaults().min(),
                        "default kpp uses"));
                used.add(p.id());
            } else if (m.equals("default_service_lb_map_entries_bpf-lb-map-max")) {
                rows.add(check(p, "Cilium --bpf-lb-map-max default", StructureOptions.DEFAULT_EBPF_LB_MAP_MAX,
                        "default kpp uses"));
                used.add(p.id());
            } else if (p.mode().equals("calico-iptables-policy") && m.equals("avg_rules_executed_per_connection")
                    && PODS.matcher(p.notes()).find() && POLICIES.matcher(p.notes()).find()) {
                int pods = group(PODS, p.notes(), 0);
                int policies = group(POLICIES, p.notes(), 0);
                double pred = CalicoPolicyStructure.rulesPerConnection(pods, policies,
                        CalicoPolicyStructure.DEFAULT_PROLOGUE, CalicoPolicyStructure.DEFAULT_RULES_PER_POLICY);
                double f = LogSpaceFitter.factorError(pred, p.value());
                boolean inRange = p.low().isPresent() && p.high().isPresent() && pred >= p.low().getAsDouble()
                        && pred <= p.high().getAsDouble();
                rows.add(new ValidationRow(p.id(), String.format(Locale.ROOT, "%d pods/node, %d policies/pod (from the "
                        + "row's notes); prologue %d and %d rules/policy assumed", pods, policies,
                        CalicoPolicyStructure.DEFAULT_PROLOGUE, CalicoPolicyStructure.DEFAULT_RULES_PER_POLICY),
                        p.services().orElse(Double.NaN), p.value(), pred, pred, f, f, true,
                        "Calico add-on vs the blog's reading (" + p.low().orElse(Double.NaN) + "-"
                                + p.high().orElse(Double.NaN) + ")", Double.NaN, Double.NaN, SourceKeys.of(p), "",
                        inRange));
                used.add(p.id());
            }
        }
        return rows;
    }

    private static int group(Pattern p, String text, int fallback) {
        Matcher m = p.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : fallback;
    }
}
