package dev.kpp.model.calibration;

import dev.kpp.model.cost.CostParameters;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Leave-one-out and leave-source-out on a dataset small enough to do by hand. For {@code y = c x} fitted in log
 * space, {@code ln c} is the mean of {@code ln(y/x)}: leaving row i out gives {@code c_-i} from the others'
 * mean, and leaving a source out gives c from the other source's rows. The fitter must reproduce those numbers.
 */
class LeaveOneOutByHandTest {
    private static final double[][] ROWS = {{10, 12, 0}, {20, 19, 0}, {40, 50, 0}, {10, 30, 1}, {50, 140, 1}};

    private static BenchmarkPoint point(String id, String src) {
        return new BenchmarkPoint(id, "t", src, 2020, "iptables", "m", "s", OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), "", 1, OptionalDouble.empty(), OptionalDouble.empty(), "quoted", "", 2);
    }

    private static final class Proportional extends FamilySpec {
        Proportional() {
            super("hand", "y = c x", "x", "s");
        }

        @Override
        boolean sourceFactors() {
            return false;
        }

        @Override
        List<Observation> observations(BenchmarkDataset data, CostParameters fitted) {
            List<Observation> out = new ArrayList<>();
            for (int i = 0; i < ROWS.length; i++) {
                BenchmarkPoint p = point("H-" + i, "source-" + (int) ROWS[i][2]);
                out.add(new Observation(id, p, ROWS[i][1], new double[] {ROWS[i][0]}, 1, ROWS[i][0], "", "",
                        "source-" + (int) ROWS[i][2]));
            }
            return out;
        }

        @Override
        List<CandidateForm> forms(List<Observation> obs) {
            return List.of(new CandidateForm("linear", List.of("c"), List.of("s/x"), new double[] {1},
                    (o, t) -> t[0] * o.f(0)));
        }
    }

    private static double meanLogRatio(int skip, int onlySource) {
        double s = 0;
        int n = 0;
        for (int j = 0; j < ROWS.length; j++) {
            if (j == skip || onlySource >= 0 && ROWS[j][2] != onlySource) {
                continue;
            }
            s += Math.log(ROWS[j][1] / ROWS[j][0]);
            n++;
        }
        return s / n;
    }

    @Test
    void leaveOneOutAndLeaveSourceOutEqualTheClosedForm() {
        Proportional spec = new Proportional();
        List<Observation> obs = spec.observations(null, null);
        FamilyFitter.Result r = FamilyFitter.fit(spec, obs, Math.log(3));
        double c = Math.exp(meanLogRatio(-1, -1));
        assertThat(r.chosen().fit.theta()[0]).isCloseTo(c, within(1e-6 * c));
        for (int i = 0; i < ROWS.length; i++) {
            double looByHand = Math.exp(meanLogRatio(i, -1)) * ROWS[i][0];
            double otherSource = 1 - ROWS[i][2];
            double lsoByHand = Math.exp(meanLogRatio(-1, (int) otherSource)) * ROWS[i][0];
            assertThat(r.chosen().inSample[i]).isCloseTo(c * ROWS[i][0], within(1e-6 * c * ROWS[i][0]));
            assertThat(r.chosen().loo[i]).as("LOO row " + i).isCloseTo(looByHand, within(1e-6 * looByHand));
            assertThat(r.chosen().lso[i]).as("LSO row " + i).isCloseTo(lsoByHand, within(1e-6 * lsoByHand));
            assertThat(r.chosen().loo[i]).isNotEqualTo(r.chosen().inSample[i]);
        }
    }

    @Test
    void coverageCountsRowsInsideBandsBuiltWithoutThem() {
        double[] pred = {1, 1, 1, 1};
        List<Observation> obs = new ArrayList<>();
        double[] meas = {1.1, 0.9, 1.05, 3.0};
        for (int i = 0; i < 4; i++) {
            obs.add(new Observation("c", point("C-" + i, "s"), meas[i], new double[] {0}, 1, 0, "", "", "s"));
        }
        // residuals ln(1.1), ln(0.9), ln(1.05), ln(3): the outlier's band from the other three is
        // 1.645 x 0.087 = 0.143 < ln 3, the others' bands include the outlier's residual and contain them
        int[] cov = FamilyFitter.coverage(pred, obs);
        assertThat(cov).containsExactly(3, 4);
    }
}
