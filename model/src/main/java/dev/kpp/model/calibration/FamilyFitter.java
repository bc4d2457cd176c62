package dev.kpp.model.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits one family: every candidate form in sample, leave-one-out and leave-source-out. The form with the smallest
 * leave-one-out RMS log residual (the predictive error) is kept; forms within 2% of each other count as tied and
 * the one with fewer parameters wins, then the one listed first.
 */
final class FamilyFitter {
    /** z for a two-sided 90% interval. */
    static final double Z90 = 1.6448536269514722;

    private FamilyFitter() {
    }

    /** Everything computed for one form. */
    static final class FormResult {
        final FamilySpec.CandidateForm form;
        final LogSpaceFitter.SourceFit fit;
        final double[] inSample;
        final double[] loo;
        final double[] lso; // NaN where the row's source cannot be left out
        final double looMedian;
        /** RMS log residual of the held-out predictions over the rows that are not a parameter's sole support */
        final double looRmsLog;
        /** rows that alone determine some parameter: held out, their prediction rests on that parameter's prior */
        final boolean[] soleSupport;

        FormResult(FamilySpec.CandidateForm form, LogSpaceFitter.SourceFit fit, List<Observation> obs,
                   double[] inSample, double[] loo, double[] lso) {
            this.form = form;
            this.fit = fit;
            this.inSample = inSample;
            this.loo = loo;
            this.lso = lso;
            this.looMedian = median(factors(loo, obs));
            this.soleSupport = soleSupport(form, fit.theta(), obs);
            this.looRmsLog = rmsLog(masked(loo, soleSupport), obs);
        }
    }

    /**
     * Rows that are the only ones a parameter acts on (elasticity above 1e-3): held out, nothing in the other rows
     * constrains that parameter, so their held-out prediction tests the prior, not the form. Form choice, bands and
     * coverage leave them out; their figures are still reported.
     */
    static boolean[] soleSupport(FamilySpec.CandidateForm form, double[] theta, List<Observation> obs) {
        boolean[] sole = new boolean[obs.size()];
        for (int j = 0; j < theta.length; j++) {
            double[] up = theta.clone();
            up[j] = theta[j] * Math.exp(1e-4);
            int count = 0;
            int last = -1;
            for (int i = 0; i < obs.size(); i++) {
                Observation o = obs.get(i);
                double e = Math.abs(Math.log(form.model().predict(o, up) / form.model().predict(o, theta))) / 1e-4;
                if (e > 1e-3) {
                    count++;
                    last = i;
                }
            }
            if (count == 1 && obs.size() > 1) {
                sole[last] = true;
            }
        }
        return sole;
    }

    /** @return the predictions with masked rows set to NaN */
    static double[] masked(double[] pred, boolean[] mask) {
        double[] out = pred.clone();
        for (int i = 0; i < out.length; i++) {
            if (mask[i]) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /** Fit of a family with its chosen form and the comparison of all forms. */
    record Result(FamilySpec spec, List<Observation> obs, List<String> sources, int[] sourceOf, FormResult chosen,
                  List<FormResult> candidates) {
    }

    static Result fit(FamilySpec spec, List<Observation> obs, double sigma) {
        List<String> sources = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] sourceOf = new int[obs.size()];
        for (int i = 0; i < obs.size(); i++) {
            String s = obs.get(i).source();
            Integer k = index.get(s);
            if (k == null) {
                k = sources.size();
                index.put(s, k);
                sources.add(s);
            }
            sourceOf[i] = k;
        }
        boolean factors = spec.sourceFactors() && sources.size() >= 2;
        List<FormResult> results = new ArrayList<>();
        for (FamilySpec.CandidateForm form : spec.forms(obs)) {
            results.add(fitForm(form, obs, factors ? sourceOf : null, sources.size(), sigma, sourceOf,
                    spec.leaveSourceOut(), own(spec, sources)));
        }
        FormResult best = results.get(0);
        for (FormResult r : results) {
            boolean better = r.looRmsLog < best.looRmsLog / 1.02;
            boolean tied = !better && r.looRmsLog <= best.looRmsLog * 1.02;
            if (better || tied && r.form.initial().length < best.form.initial().length) {
                best = r;
            }
        }
        return new Result(spec, obs, sources, sourceOf, best, results);
    }

    private static int[][] own(FamilySpec spec, List<String> sources) {
        Map<String, int[]> m = spec.sourceParameters();
        if (m.isEmpty()) {
            return null;
        }
        int[][] out = new int[sources.size()][];
        for (int s = 0; s < sources.size(); s++) {
            out[s] = m.getOrDefault(sources.get(s), new int[0]);
        }
        return out;
    }

    private static FormResult fitForm(FamilySpec.CandidateForm form, List<Observation> obs, int[] sourceOf,
                                      int sources, double sigma, int[] allSourceOf, boolean lsoAllowed,
                                      int[][] ownParams) {
        LogSpaceFitter.Model model = form.model();
        int n = obs.size();
        LogSpaceFitter.SourceFit full = LogSpaceFitter.fitWithSources(obs, model, form.initial(), sourceOf, sources,
                sigma, null, form.priorSigma(), form.initial());
        double[] in = new double[n];
        for (int i = 0; i < n; i++) {
            in[i] = full.predict(model, obs.get(i), sourceOf == null ? -1 : sourceOf[i]);
        }
        double[] loo = new double[n];
        for (int i = 0; i < n; i++) {
            List<Observation> rest = new ArrayList<>(obs);
            rest.remove(i);
            int[] restSources = sourceOf == null ? null : removeIndex(sourceOf, i);
            LogSpaceFitter.SourceFit f = LogSpaceFitter.fitWithSources(rest, model,
                    heldOutStart(form, full.theta(), rest), restSources, sources, sigma, null, form.priorSigma(),
                    form.initial());
            int s = sourceOf == null ? -1 : sourceOf[i];
            boolean sourceLeft = s >= 0 && contains(restSources, s);
            loo[i] = f.predict(model, obs.get(i), sourceLeft ? s : -1);
        }
        double[] lso = new double[n];
        Arrays.fill(lso, Double.NaN);
        if (sources >= 2 && (lsoAllowed || ownParams != null)) {
            for (int s = 0; s < sources; s++) {
                List<Observation> rest = new ArrayList<>();
                List<Integer> restSrc = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (allSourceOf[i] != s) {
                        rest.add(obs.get(i));
                        restSrc.add(allSourceOf[i]);
                    }
                }
                if (rest.size() < form.initial().length && rest.size() < 2) {
                    continue;
                }
                int[] rs = sourceOf == null ? null : restSrc.stream().mapToInt(Integer::intValue).toArray();
                LogSpaceFitter.SourceFit f = LogSpaceFitter.fitWithSources(rest, model,
                        heldOutStart(form, full.theta(), rest), rs, sources, sigma, null, form.priorSigma(),
                        form.initial());
                LogSpaceFitter.Model predictor = model;
                double[] theta = f.theta();
                if (ownParams != null && ownParams[s].length > 0) {
                    // the source's own parameters: fitted on its own rows with the shared ones held fixed
                    List<Observation> mine = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        if (allSourceOf[i] == s) {
                            mine.add(obs.get(i));
                        }
                    }
                    int[] idx = ownParams[s];
                    double[] shared = f.theta().clone();
                    LogSpaceFitter.Model sub = (o, t) -> {
                        double[] all = shared.clone();
                        for (int q = 0; q < idx.length; q++) {
                            all[idx[q]] = t[q];
                        }
                        return model.predict(o, all);
                    };
                    double[] start = new double[idx.length];
                    for (int q = 0; q < idx.length; q++) {
                        start[q] = form.initial()[idx[q]];
                    }
                    double[] local = LogSpaceFitter.fitWithSources(mine, sub, start, null, 0, sigma, null).theta();
                    theta = shared.clone();
                    for (int q = 0; q < idx.length; q++) {
                        theta[idx[q]] = local[q];
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (allSourceOf[i] == s) {
                        lso[i] = predictor.predict(obs.get(i), theta);
                    }
                }
            }
        }
        return new FormResult(form, full, obs, in, loo, lso);
    }

    /**
     * Starting point of a held-out refit: the full fit's parameters, except those the remaining rows barely
     * constrain (their log-sensitivity is below 1e-3 of the most sensitive parameter's), which restart from the
     * form's initial values, so no parameter keeps a value learnt only from the rows held out.
     */
    static double[] heldOutStart(FamilySpec.CandidateForm form, double[] fullTheta, List<Observation> rest) {
        int p = fullTheta.length;
        double[] norm = new double[p];
        double max = 0;
        for (int j = 0; j < p; j++) {
            double[] up = fullTheta.clone();
            up[j] = fullTheta[j] * Math.exp(1e-4);
            double ss = 0;
            for (Observation o : rest) {
                double d = Math.log(form.model().predict(o, up) / form.model().predict(o, fullTheta)) / 1e-4;
                ss += d * d;
            }
            norm[j] = Math.sqrt(ss);
            max = Math.max(max, norm[j]);
        }
        double[] start = fullTheta.clone();
        for (int j = 0; j < p; j++) {
            if (!(norm[j] > 1e-3 * max)) {
                start[j] = form.initial()[j];
            }
        }
        return start;
    }

    private static int[] removeIndex(int[] a, int i) {
        int[] out = new int[a.length - 1];
        for (int j = 0, k = 0; j < a.length; j++) {
            if (j != i) {
                out[k++] = a[j];
            }
        }
        return out;
    }

    private static boolean contains(int[] a, int v) {
        if (a == null) {
            return false;
        }
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** @return max(pred/meas, meas/pred) per row (NaN where pred is NaN) */
    static double[] factors(double[] pred, List<Observation> obs) {
        double[] f = new double[pred.length];
        for (int i = 0; i < pred.length; i++) {
            f[i] = Double.isNaN(pred[i]) || obs == null ? Double.NaN
                    : LogSpaceFitter.factorError(pred[i], obs.get(i).measured());
        }
        return f;
    }

    /** @return median of the non-NaN values (NaN when none) */
    static double median(double[] v) {
        double[] s = Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** @return the largest non-NaN value (NaN when none) */
    static double max(double[] v) {
        return Arrays.stream(v).filter(x -> !Double.isNaN(x)).max().orElse(Double.NaN);
    }

    /** @return RMS of ln(pred/meas) over rows with a prediction (NaN when none) */
    static double rmsLog(double[] pred, List<Observation> obs) {
        if (obs == null) {
            return Double.NaN;
        }
        double ss = 0;
        int n = 0;
        for (int i = 0; i < pred.length; i++) {
            if (!Double.isNaN(pred[i])) {
                double r = Math.log(pred[i] / obs.get(i).measured());
                ss += r * r;
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.sqrt(ss / n);
    }

    /**
     * Coverage of held-out predictions by 90% bands built without the row itself: row i is covered when
     * {@code |ln(meas_i / pred_i)| <= z90 x sigma_(-i)}, sigma_(-i) the RMS log residual of the other rows.
     *
     * @return {covered rows, rows with a prediction}
     */
    static int[] coverage(double[] pred, List<Observation> obs) {
        int n = 0;
        double ss = 0;
        double[] r = new double[pred.length];
        for (int i = 0; i < pred.length; i++) {
            if (!Double.isNaN(pred[i])) {
                r[i] = Math.log(obs.get(i).measured() / pred[i]);
                ss += r[i] * r[i];
                n++;
            } else {
                r[i] = Double.NaN;
            }
        }
        if (n < 2) {
            return new int[] {0, 0};
        }
        int covered = 0;
        for (int i = 0; i < pred.length; i++) {
            if (Double.isNaN(r[i])) {
                continue;
            }
            double sigma = Math.sqrt((ss - r[i] * r[i]) / (n - 1));
            if (Math.abs(r[i]) <= Z90 * sigma + 1e-12) {
                covered++;
            }
        }
        return new int[] {covered, n};
    }
}
