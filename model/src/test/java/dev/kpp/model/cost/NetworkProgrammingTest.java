package dev.kpp.model.cost;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The quantile solver's fused cdf and density, and what it solves. */
class NetworkProgrammingTest {
    @Test
    void theFusedPassGivesExactlyTheCdfAndTheDensity() {
        Random r = new Random(7);
        double[] out = new double[1];
        for (int i = 0; i < 100_000; i++) {
            double mu = i % 10 == 0 ? 1e-9 : r.nextDouble() * 3;
            double cycle = i % 7 == 0 ? 0 : r.nextDouble() * 2;
            double pWait = r.nextDouble();
            double[] durations = i % 2 == 0 ? new double[] {r.nextDouble()} : new double[] {r.nextDouble(), 4 * r.nextDouble()};
            double[] weights = durations.length == 1 ? new double[] {1} : new double[] {0.3, 0.7};
            double x = r.nextDouble() * 8 - 0.5;
            double cdf = NetworkProgramming.cdfAndPdf(x, mu, cycle, pWait, durations, weights, out);
            assertThat(cdf).isEqualTo(NetworkProgramming.cdf(x, mu, cycle, pWait, durations, weights));
            assertThat(out[0]).isEqualTo(NetworkProgramming.pdf(x, mu, cycle, pWait, durations, weights));
        }
    }

    @Test
    void theSolvedQuantileHasItsProbability() {
        double[] d = {0.2, 1.5};
        double[] w = {0.8, 0.2};
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            double x = NetworkProgramming.quantile(q, 0.3, 1.0, 0.6, d, w);
            assertThat(NetworkProgramming.cdf(x, 0.3, 1.0, 0.6, d, w)).isCloseTo(q, within(1e-9));
        }
    }
}
