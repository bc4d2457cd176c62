package dev.kpp.model.calibration;

import dev.kpp.model.cost.Estimate;
import dev.kpp.model.cost.FamilyParameters;
import dev.kpp.model.cost.Forms;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The acceptance figures of the calibration on the embedded dataset, recomputed from the reports' rows. */
class CalibrationTest {
    private static final Calibration CAL = Calibration.embedded();

    private static List<FitReport> fitted() {
        return CAL.reports().stream().filter(r -> !r.structural()).toList();
    }

    @Test
    void everyFamilyMeetsTheInSampleAndLeaveOneOutTargets() {
        assertThat(fitted()).hasSize(10);
        for (FitReport r : fitted()) {
            assertThat(r.inSampleMedianFactor()).as(r.id()).isLessThanOrEqualTo(1.5);
            assertThat(r.looMedianFactor()).as(r.id()).isLessThanOrEqualTo(2.0);
        }
    }

    @Test
    void theFitsUseAtLeastOneHundredRows() {
        assertThat(CAL.rowsUsed()).isGreaterThanOrEqualTo(100);
        int sum = fitted().stream().mapToInt(r -> r.usedRows().size()).sum();
        assertThat(CAL.rowsUsed()).isEqualTo(sum);
    }

    @Test
    void everyFamilyWithTwoOrMoreSourcesHasLeaveSourceOutFigures() {
        for (FitReport r : fitted()) {
            long sources = r.usedRows().stream().map(ValidationRow::source).distinct().count();
            assertThat(r.sources()).as(r.id()).isEqualTo((int) sources);
            if (sources >= 2) {
                assertThat(r.lsoMedianFactor()).as(r.id()).isFinite().isGreaterThanOrEqualTo(1.0);
                assertThat(r.usedRows()).as(r.id()).anySatisfy(row -> assertThat(row.lsoPredicted()).isFinite());
            } else {
                assertThat(r.lsoMedianFactor()).as(r.id()).isNaN();
            }
        }
    }

    @Test
    void familiesWithFewRowsOneSourceOrDisagreeingSourcesAreLowConfidenceWithAReason() {
        for (FitReport r : fitted()) {
            FamilyParameters f = CAL.costParameters().family(r.id());
            if (r.usedRows().size() < Calibration.MIN_ROWS_FOR_HIGH) {
                assertThat(f.confidence()).as(r.id()).isEqualTo(Estimate.Confidence.LOW);
                assertThat(f.reason()).as(r.id()).isEqualTo("few-rows");
            } else if (r.sources() < 2) {
                assertThat(f.confidence()).as(r.id()).isEqualTo(Estimate.Confidence.LOW);
                assertThat(f.reason()).as(r.id()).isEqualTo("one-source");
            } else if (r.lsoMedianFactor() > Calibration.MAX_LSO_FOR_HIGH) {
                assertThat(f.confidence()).as(r.id()).isEqualTo(Estimate.Confidence.LOW);
                assertThat(f.reason()).as(r.id()).isEqualTo("sources-disagree");
            } else {
                assertThat(f.confidence()).as(r.id()).isEqualTo(Estimate.Confidence.HIGH);
            }
            assertThat(r.confidence()).isEqualTo(f.confidence().id());
            assertThat(f.basis()).containsExactlyElementsOf(r.usedRows().stream().map(ValidationRow::benchmarkId)
                    .toList());
        }
    }

    private static List<ValidationRow> kept(FitReport r) {
        return r.usedRows().stream().filter(v -> !Calibration.SOLE_SUPPORT.equals(v.reasonCode())).toList();
    }

    @Test
    void soleSupportRowsAreTheOnesThatAloneDetermineAParameter() {
        // the iptables restart row is the only one c_restart acts on; IPVS's t0 cancels in Tigera's increases
        assertThat(CAL.report(Calibration.SYNC_IPTABLES).orElseThrow().usedRows().stream()
                .filter(v -> Calibration.SOLE_SUPPORT.equals(v.reasonCode())).map(ValidationRow::benchmarkId))
                .containsExactly("NEW-031");
        long sole = fitted().stream().flatMap(r -> r.usedRows().stream())
                .filter(v -> Calibration.SOLE_SUPPORT.equals(v.reasonCode())).count();
        assertThat(sole).isLessThanOrEqualTo(5);
    }

    @Test
    void bandFactorsAreRecomputedFromTheHeldOutResiduals() {
        for (FitReport r : fitted()) {
            double sigma;
            // rows that alone determine a parameter are left out: held out, they test that parameter's prior
            List<ValidationRow> kept = kept(r);
            double[] lso = kept.stream().filter(v -> Double.isFinite(v.lsoPredicted()))
                    .mapToDouble(v -> Math.log(v.measured() / v.lsoPredicted())).toArray();
            if (r.sources() >= 2 && lso.length > 0) {
                sigma = rms(lso);
            } else {
                double loo = rms(kept.stream().mapToDouble(v -> Math.log(v.measured() / v.looPredicted()))
                        .toArray());
                sigma = Math.hypot(loo, CAL.betweenSourceSigma());
            }
            assertThat(r.bandFactor90()).as(r.id()).isCloseTo(Math.exp(1.6448536269514722 * sigma), within(1e-9));
            assertThat(CAL.bandFactor(r.id())).isEqualTo(r.bandFactor90());
        }
    }

    @Test
    void coverageIsRecomputedFromTheRowsAndTheOverallLeaveOneOutCoverageIsBetween80And95Percent() {
        int covered = 0;
        int rows = 0;
        for (FitReport r : fitted()) {
            List<ValidationRow> kept = kept(r);
            double[] res = kept.stream().mapToDouble(v -> Math.log(v.measured() / v.looPredicted())).toArray();
            double ss = 0;
            for (double x : res) {
                ss += x * x;
            }
            int c = 0;
            for (int i = 0; i < res.length; i++) {
                double sigmaOthers = Math.sqrt((ss - res[i] * res[i]) / (res.length - 1));
                boolean in = Math.abs(res[i]) <= 1.6448536269514722 * sigmaOthers + 1e-12;
                assertThat(kept.get(i).inLooBand()).as(r.id() + " " + kept.get(i).benchmarkId()).isEqualTo(in);
                c += in ? 1 : 0;
            }
            assertThat(r.looCoverage()).as(r.id()).isCloseTo(c / (double) res.length, within(1e-12));
            covered += c;
            rows += res.length;
        }
        assertThat(CAL.looCoverage()).isCloseTo(covered / (double) rows, within(1e-12));
        assertThat(CAL.looCoverage()).isBetween(0.80, 0.95);
    }

    @Test
    void everyLeaveOneOutPredictionDiffersFromTheInSampleOne() {
        for (FitReport r : fitted()) {
            for (ValidationRow v : r.usedRows()) {
                assertThat(Math.abs(v.looPredicted() - v.predicted()) / v.predicted())
                        .as(r.id() + " " + v.benchmarkId()).isGreaterThan(1e-9);
            }
        }
    }

    @Test
    void everyDatasetRowIsUsedOrCheckedOrListedWithAReasonExactlyOnce() {
        Map<String, Integer> seen = new HashMap<>();
        for (FitReport r : CAL.reports()) {
            for (ValidationRow v : r.rows()) {
                seen.merge(v.benchmarkId(), 1, Integer::sum);
                assertThat(v.note()).as(v.benchmarkId()).isNotBlank();
                if (!v.used()) {
                    assertThat(v.reasonCode()).as(v.benchmarkId()).isNotBlank().isNotEqualTo("not-used");
                }
            }
        }
        Set<String> ids = BenchmarkDataset.embedded().points().stream().map(BenchmarkPoint::id)
                .collect(Collectors.toSet());
        assertThat(seen.keySet()).isEqualTo(ids);
        assertThat(seen.values()).allMatch(n -> n == 1);
    }

    @Test
    void theChosenFormHasTheSmallestLeaveOneOutErrorOrTiesWithFewerParameters() {
        for (FitReport r : fitted()) {
            FormScore chosen = r.forms().stream().filter(FormScore::chosen).findFirst().orElseThrow();
            assertThat(chosen.form()).isEqualTo(r.form());
            for (FormScore f : r.forms()) {
                if (f.looRmsLog() < chosen.looRmsLog() / 1.02) {
                    throw new AssertionError(r.id() + ": " + f.form() + " predicts better than " + chosen.form());
                }
            }
        }
    }

    @Test
    void theSourceFactorsAreReportedForEverySource() {
        for (FitReport r : fitted()) {
            assertThat(r.sourceFactors()).hasSize(r.sources());
            assertThat(r.sourceFactors().stream().mapToInt(SourceFactor::rows).sum()).isEqualTo(r.usedRows().size());
            assertThat(r.sourceFactors()).allSatisfy(s -> assertThat(s.factor()).isPositive());
        }
        FitReport ipvs = CAL.report(Forms.SYNC_IPVS).orElseThrow();
        assertThat(ipvs.sourceFactors()).extracting(SourceFactor::source).anyMatch(s -> s.contains("tigera"));
    }

    @Test
    void theFitIsFastEnoughToRunAtStartUpAndSaysHowLong() {
        assertThat(CAL.fitMillis()).isPositive();
    }

    static double rms(double[] v) {
        double ss = 0;
        for (double x : v) {
            ss += x * x;
        }
        return Math.sqrt(ss / v.length);
    }
}
