package dev.kpp.model.calibration;

import dev.kpp.model.cost.CostParameters;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fitted numbers come from the data: editing a row moves every parameter of its family, editing a row's
 * conditions moves the fit, and each family's own forms recover known parameters from data generated with them.
 */
class RefitTest {
    private static final Calibration BASE = Calibration.embedded();

    static List<String> lines() throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RefitTest.class.getResourceAsStream(BenchmarkDataset.RESOURCE), StandardCharsets.UTF_8))) {
            return r.lines().collect(Collectors.toList());
        }
    }

    /** The embedded CSV with one field of one row replaced (column index as in the header). */
    static BenchmarkDataset edited(String id, int column, String value) throws Exception {
        List<String> lines = lines();
        BenchmarkPoint p = BenchmarkDataset.embedded().byId(id).orElseThrow();
        int line = p.line() - 1;
        List<String> fields = BenchmarkDataset.splitCsv(lines.get(line), "t", line);
        fields.set(column, value);
        lines.set(line, fields.stream().map(f -> "\"" + f.replace("\"", "\"\"") + "\"").collect(Collectors.joining(",")));
        return BenchmarkDataset.parse(new StringReader(String.join("\n", lines)), "edited copy");
    }

    @Test
    void editingTheMostSensitiveRowMovesEveryFittedParameterOfEveryFamily() throws Exception {
        CostParameters context = BASE.costParameters();
        List<String> unmoved = new ArrayList<>();
        int checked = 0;
        for (FitReport report : BASE.reports()) {
            if (report.structural()) {
                continue;
            }
            FamilyFitter.Result base = Calibration.fitFamily(report.id(), BenchmarkDataset.embedded(), context);
            FamilySpec.CandidateForm form = base.chosen().form;
            double[] theta = base.chosen().fit.theta();
            for (int j = 0; j < theta.length; j++) {
                // the rows whose predictions depend most on parameter j, most sensitive first; a row that is the
                // only support of another parameter (a restart factor, a source factor) absorbs its own edit, so
                // the parameter must move for one of the eight most sensitive rows
                List<Integer> order = new ArrayList<>();
                double[] sens = new double[base.obs().size()];
                for (int i = 0; i < base.obs().size(); i++) {
                    double[] up = theta.clone();
                    up[j] = theta[j] * Math.exp(1e-4);
                    Observation o = base.obs().get(i);
                    sens[i] = Math.abs(Math.log(form.model().predict(o, up) / form.model().predict(o, theta)));
                    order.add(i);
                }
                order.sort((a, b) -> Double.compare(sens[b], sens[a]));
                boolean moved = false;
                List<String> tried = new ArrayList<>();
                for (int k = 0; k < Math.min(8, order.size()) && !moved; k++) {
                    BenchmarkPoint row = base.obs().get(order.get(k)).point();
                    tried.add(row.id());
                    BenchmarkDataset data = edited(row.id(), 14, Double.toString(row.value() * 3));
                    FamilyFitter.Result refit = Calibration.fitFamily(report.id(), data, context);
                    if (!refit.chosen().form.id().equals(form.id())) {
                        moved = true; // the edit changed which form predicts best: that moves the fit too
                        break;
                    }
                    double after = refit.chosen().fit.theta()[j];
                    moved = Math.abs(Math.log(after / theta[j])) > Math.log(1.01);
                }
                checked++;
                if (!moved) {
                    unmoved.add(report.id() + "/" + form.names().get(j) + " (edited " + tried + ")");
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(30);
        assertThat(unmoved).isEmpty();
    }

    @Test
    void editingARowsConditionsMovesTheFit() throws Exception {
        // GH-16's Services (column 7): more Services for the same 0.73 s means a cheaper IPVS object
        Calibration doubled = Calibration.fit(edited("GH-16", 7, "3000"));
        assertThat(doubled.parameter("sync-ipvs", "c")).isNotEqualTo(BASE.parameter("sync-ipvs", "c"));
        // the restart row's endpoints (column 9): more restore lines for the same 40 s
        Calibration moreEndpoints = Calibration.fit(edited("NEW-031", 9, "10"));
        assertThat(moreEndpoints.parameter("sync-iptables", "c_restart"))
                .isLessThan(BASE.parameter("sync-iptables", "c_restart"));
        // a kernel column edited from 6.12 to 6.1 removes one fast-kernel row from the kernel factor's evidence
        Calibration kernel = Calibration.fit(edited("NEW-007", 13, "kernel 6.1.144 (Bottlerocket), kube-proxy "
                + "v1.32.6-eksbuild.12"));
        assertThat(kernel.parameter("sync-nftables", "k_6_12")).isNotEqualTo(BASE.parameter("sync-nftables",
                "k_6_12"));
    }

    @Test
    void eachFamilysChosenFormRecoversKnownParametersFromDataItGenerates() {
        CostParameters context = BASE.costParameters();
        Random rnd = new Random(11);
        for (FitReport report : BASE.reports()) {
            if (report.structural()) {
                continue;
            }
            FamilyFitter.Result base = Calibration.fitFamily(report.id(), BenchmarkDataset.embedded(), context);
            FamilySpec.CandidateForm form = base.chosen().form;
            double[] truth = base.chosen().fit.theta().clone();
            for (int j = 0; j < truth.length; j++) {
                // a truth away from the fitted point, inside the range the form describes
                // (exponents move less: a power's exponent of 2 moved by 20% changes the rows by orders of magnitude)
                double f = Math.exp((form.names().get(j).equals("p") ? 0.05 : 0.2) * rnd.nextGaussian());
                truth[j] = clampDegenerate(form.names().get(j), truth[j]) * f;
            }
            List<Observation> synthetic = new ArrayList<>();
            for (Observation o : base.obs()) {
                double y = form.model().predict(o, truth) * Math.exp(1e-4 * rnd.nextGaussian());
                synthetic.add(new Observation(o.reportId(), o.point(), y, o.features(), 1, o.x(), o.series(),
                        o.conditions(), o.source()));
            }
            // started where the embedded fit ended (growth scales fitted at "no growth" brought into range), as the
            // held-out refits are
            double[] start = base.chosen().fit.theta().clone();
            for (int j = 0; j < start.length; j++) {
                start[j] = clampDegenerate(form.names().get(j), start[j]);
            }
            LogSpaceFitter.SourceFit fit = LogSpaceFitter.fitWithSources(synthetic, form.model(), start, null, 0, 1,
                    null);
            assertThat(fit.converged()).as(report.id()).isTrue();
            for (int j = 0; j < truth.length; j++) {
                if (identifiable(form, synthetic, truth, j)) {
                    assertThat(Math.abs(Math.log(fit.theta()[j] / truth[j]))).as(report.id() + "/"
                            + form.names().get(j)).isLessThan(0.02);
                }
            }
        }
    }

    /** Parameters a family's rows pin down (not those that only matter for rows it has none of). */
    private static boolean identifiable(FamilySpec.CandidateForm form, List<Observation> obs, double[] theta, int j) {
        double[] up = theta.clone();
        up[j] = theta[j] * Math.exp(1e-3);
        double max = 0;
        for (Observation o : obs) {
            max = Math.max(max, Math.abs(Math.log(form.model().predict(o, up) / form.model().predict(o, theta))));
        }
        return max > 1e-5;
    }

    /** A growth scale fitted at "no growth" (1e15 rules) is brought into the range the rows can tell. */
    private static double clampDegenerate(String name, double v) {
        Map<String, Double> caps = Map.of("n_c", 1e6, "kappa", 0.3, "c2", 1.0);
        Double cap = caps.get(name);
        return cap != null && v > cap || cap != null && name.equals("kappa") && v < 0.05 ? cap : v;
    }
}
