package dev.kpp.model.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PositionMixtureTest {
    /** Enumerates every (j, k) outcome with its probability and returns the sorted values with weights. */
    private static double[] bruteQuantiles(double[][] comps) {
        List<double[]> outcomes = new ArrayList<>();
        double total = 0;
        double mean = 0;
        double worst = 0;
        for (double[] c : comps) {
            double w = c[0];
            total += w;
            long slots = (long) c[2];
            long choices = (long) c[4];
            for (long j = 0; j < slots; j++) {
                for (long k = 1; k <= choices; k++) {
                    double v = c[1] + j * c[3] + k;
                    double p = w / (slots * (double) choices);
                    outcomes.add(new double[] {v, p});
                    mean += v * p;
                    worst = Math.max(worst, v);
                }
            }
        }
        outcomes.sort((a, b) -> Double.compare(a[0], b[0]));
        double acc = 0;
        long p50 = -1, p99 = -1;
        for (double[] o : outcomes) {
            acc += o[1] / total;
            if (p50 < 0 && acc >= 0.5 - 1e-12) {
                p50 = (long) Math.ceil(o[0] - 1e-9);
            }
            if (p99 < 0 && acc >= 0.99 - 1e-12) {
                p99 = (long) Math.ceil(o[0] - 1e-9);
            }
        }
        return new double[] {mean / total, p50, p99, Math.ceil(worst - 1e-9)};
    }

    @ParameterizedTest
    @CsvSource({
        // weight, base, slots, step, choices
        "1, 10, 100, 1, 1",
        "1, 3, 1, 0, 10",
        "1, 5, 50, 2, 7",
        "1, 0, 20, 3, 3"
    })
    void singleComponentMatchesEnumeration(double w, double base, long slots, double step, long choices) {
        RuleCountStats s = new PositionMixture().add(w, base, slots, step, choices).stats();
        double[] b = bruteQuantiles(new double[][] {{w, base, slots, step, choices}});
        assertThat(s.mean()).isCloseTo(b[0], within(1e-9));
        assertThat(s.p50()).isEqualTo((long) b[1]);
        assertThat(s.p99()).isEqualTo((long) b[2]);
        assertThat(s.worst()).isEqualTo((long) b[3]);
    }

    @Test
    void randomMixturesMatchEnumeration() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(3);
            double[][] comps = new double[n][];
            PositionMixture m = new PositionMixture();
            for (int i = 0; i < n; i++) {
                comps[i] = new double[] {1 + rnd.nextInt(5), rnd.nextInt(20), 1 + rnd.nextInt(40), rnd.nextInt(4),
                    1 + rnd.nextInt(12)};
                m.add(comps[i][0], comps[i][1], (long) comps[i][2], comps[i][3], (long) comps[i][4]);
            }
            RuleCountStats s = m.stats();
            double[] b = bruteQuantiles(comps);
            assertThat(s.mean()).as("trial %d", trial).isCloseTo(b[0], within(1e-9));
            assertThat(s.p50()).as("trial %d p50", trial).isEqualTo((long) b[1]);
            assertThat(s.p99()).as("trial %d p99", trial).isEqualTo((long) b[2]);
            assertThat(s.worst()).as("trial %d worst", trial).isEqualTo((long) b[3]);
        }
    }

    @Test
    void emptyMixtureHasNoTraffic() {
        assertThat(new PositionMixture().stats()).isEqualTo(RuleCountStats.NONE);
    }

    @Test
    void theClosedFormSumOfPicksIsExactlyThePositionByPositionSum() {
        Random r = new Random(13);
        for (int i = 0; i < 200_000; i++) {
            long slots = 1 + r.nextInt(i % 2 == 0 ? 50 : 5000);
            double step = i % 5 == 0 ? 0.5 + r.nextInt(4) : 1 + r.nextInt(i % 3 == 0 ? 3 : 40);
            long choices = 1 + r.nextInt(i % 4 == 0 ? 3 : 120);
            double y = 1 + r.nextDouble() * (step * slots + choices) * 1.1;
            if (i % 3 == 1) {
                y = Math.floor(y);
            }
            long from = r.nextInt((int) Math.min(slots + 2, Integer.MAX_VALUE));
            assertThat(PositionMixture.partialPicks(y, from, slots, step, choices))
                    .as("y=%s from=%d slots=%d step=%s choices=%d", y, from, slots, step, choices)
                    .isEqualTo(PositionMixture.scanPicks(y, from, slots, step, choices));
        }
    }

    @Test
    void theFloorSumOfPicksForAFractionalStepIsExactlyTheSumOfItsTerms() {
        // the terms min(choices, floor(y - j*num/den)) summed in exact integer arithmetic, one by one
        Random r = new Random(29);
        for (int i = 0; i < 100_000; i++) {
            long den = 1 + r.nextInt(i % 2 == 0 ? 7 : 3000);
            long num = r.nextInt(i % 3 == 0 ? 5 : 40) * den + r.nextInt((int) den);
            long slots = 1 + r.nextInt(i % 2 == 0 ? 60 : 4000);
            long choices = 1 + r.nextInt(i % 4 == 0 ? 3 : 120);
            long y = 1 + (long) (r.nextDouble() * ((num / (double) den) * slots + choices) * 1.1);
            long from = r.nextInt((int) slots + 2);
            long expected = 0;
            for (long j = from; j < slots; j++) {
                long rest = Math.floorDiv(y * den - j * num, den);
                if (rest < 1) {
                    break;
                }
                expected += Math.min(choices, rest);
            }
            if (num == 0) {
                continue; // a zero step is the caller's other case
            }
            assertThat(PositionMixture.rationalPicks(y, from, slots, num, den, choices))
                    .as("y=%d from=%d slots=%d step=%d/%d choices=%d", y, from, slots, num, den, choices)
                    .isEqualTo((double) expected);
        }
    }

    @Test
    void aFractionalStepGivesTheSameDistributionAsItsDecimal() {
        // 7 of every 3 positions: 2.333... rules per position; the quantiles agree with the scanned decimal form
        PositionMixture exact = new PositionMixture().add(5, 12, 9_000, 7, 3, 4).add(1, 30, 40, 3, 1, 2);
        PositionMixture decimal = new PositionMixture().add(5, 12, 9_000, 7 / 3.0, 4).add(1, 30, 40, 3.0, 2);
        assertThat(exact).isEqualTo(decimal);
        for (double q : new double[] {1e-9, 0.1, 0.5, 0.9, 0.99}) {
            assertThat(exact.quantile(q)).as("q=%s", q).isCloseTo(decimal.quantile(q),
                    org.assertj.core.api.Assertions.within(1L));
        }
        assertThat(exact.stats().mean()).isEqualTo(decimal.stats().mean());
    }
}
