package dev.kpp.model.cost;

/**
 * Network programming latency: the time from an endpoint change to the rules being in effect on a node
 * (the {@code network_programming_duration_seconds} SLI). Three independent parts:
 * <ul>
 *   <li>D, the API and watch delay until kube-proxy sees the change: exponential with mean {@code mu}
 *       (an assumption: the usual model of a delay with a long tail; its mean is fitted);</li>
 *   <li>W, the wait for the sync loop: kube-proxy runs at most one sync per {@code minSyncPeriod} and one at a
 *       time, so a change waits up to one cycle {@code C = max(minSyncPeriod, mean sync duration)}: uniform on
 *       (0, C) with probability {@code pWait}, zero otherwise;</li>
 *   <li>T, the sync that applies it: partial or full with the share of full syncs.</li>
 * </ul>
 * Quantiles are exact for that mixture (the CDF of uniform plus exponential is closed-form).
 */
public final class NetworkProgramming {
    private NetworkProgramming() {
    }

    /**
     * @param q         quantile in (0, 1)
     * @param mu        mean API/watch delay, s (> 0)
     * @param cycle     sync cycle C, s (>= 0)
     * @param pWait     probability that a change waits for the loop (0..1)
     * @param durations possible sync durations, s
     * @param weights   their probabilities (summing to 1)
     * @return the q-quantile of D + W + T, s
     */
    public static double quantile(double q, double mu, double cycle, double pWait, double[] durations,
                                  double[] weights) {
        if (!(q > 0 && q < 1) || Double.isNaN(mu) || mu < 0) {
            throw new IllegalArgumentException("need 0 < q < 1 and mu >= 0");
        }
        mu = Math.max(mu, 1e-9); // a vanishing API delay: the exponential degenerates to a point at 0
        // bracket: every part is >= 0, and D alone reaches its q-quantile mu ln(1/(1-q)), so the answer lies
        // between the smallest sync plus that and the largest sync plus a whole cycle plus that
        double tail = mu * Math.log(1 / (1 - q));
        double minD = Double.POSITIVE_INFINITY;
        double maxD = 0;
        for (double d : durations) {
            minD = Math.min(minD, d);
            maxD = Math.max(maxD, d);
        }
        double lo = Math.max(0, Math.min(minD, maxD));
        double hi = maxD + cycle + tail + 1e-9;
        // Newton steps on the closed-form density, kept inside the bracket (bisection when a step leaves it)
        double x = (lo + hi) / 2;
        double[] density = new double[1];
        for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
            double f = cdfAndPdf(x, mu, cycle, pWait, durations, weights, density) - q;
            if (f >= 0) {
                hi = x;
            } else {
                lo = x;
            }
            if (Math.abs(f) < 1e-14) {
                return x;
            }
            double d = density[0];
            double next = d > 0 ? x - f / d : Double.NaN;
            x = next > lo && next < hi ? next : (lo + hi) / 2;
        }
        return x;
    }

    /**
     * {@link #cdf} and {@link #pdf} at one point in one pass: the same expressions, each exponential
     * computed once (the solver needs both at every step; a sweep solves 24 quantiles per point).
     *
     * @param density receives the pdf at {@code x}
     * @return the cdf at {@code x}
     */
    static double cdfAndPdf(double x, double mu, double cycle, double pWait, double[] durations, double[] weights,
                            double[] density) {
        double c = 0;
        double p = 0;
        for (int i = 0; i < durations.length; i++) {
            double y = x - durations[i];
            if (y <= 0) {
                continue; // both parts are 0 (expCdf, uniformPlusExpCdf and the density)
            }
            double ey = Math.exp(-y / mu);
            double expCdf = 1 - ey;
            double exp = ey / mu;
            double uniCdf;
            double uni;
            if (cycle <= 1e-12) {
                uniCdf = expCdf;
                uni = exp;
            } else if (y < cycle) {
                // uniformPlusExpCdf with m = y: exp(-(y - y) / mu) is exactly 1
                uniCdf = (y - mu * (1 - ey)) / cycle;
                uni = (1 - ey) / cycle;
            } else {
                double ec = Math.exp(-(y - cycle) / mu);
                uniCdf = (cycle - mu * (ec - ey)) / cycle;
                uni = (ec - ey) / cycle;
            }
            c += weights[i] * ((1 - pWait) * expCdf + pWait * uniCdf);
            p += weights[i] * ((1 - pWait) * exp + pWait * uni);
        }
        density[0] = p;
        return c;
    }

    static double pdf(double x, double mu, double cycle, double pWait, double[] durations, double[] weights) {
        double p = 0;
        for (int i = 0; i < durations.length; i++) {
            double y = x - durations[i];
            if (y <= 0) {
                continue;
            }
            double exp = Math.exp(-y / mu) / mu;
            double uni;
            if (cycle <= 1e-12) {
                uni = exp;
            } else if (y < cycle) {
                uni = (1 - Math.exp(-y / mu)) / cycle;
            } else {
                uni = (Math.exp(-(y - cycle) / mu) - Math.exp(-y / mu)) / cycle;
            }
            p += weights[i] * ((1 - pWait) * exp + pWait * uni);
        }
        return p;
    }

    /** @return the mean of D + W + T, s */
    public static double mean(double mu, double cycle, double pWait, double[] durations, double[] weights) {
        double t = 0;
        for (int i = 0; i < durations.length; i++) {
            t += weights[i] * durations[i];
        }
        return mu + pWait * cycle / 2 + t;
    }

    static double cdf(double x, double mu, double cycle, double pWait, double[] durations, double[] weights) {
        double p = 0;
        for (int i = 0; i < durations.length; i++) {
            double y = x - durations[i];
            p += weights[i] * ((1 - pWait) * expCdf(y, mu) + pWait * uniformPlusExpCdf(y, cycle, mu));
        }
        return p;
    }

    private static double expCdf(double y, double mu) {
        return y <= 0 ? 0 : 1 - Math.exp(-y / mu);
    }

    /** P(U + D <= y) with U ~ U(0, c), D ~ Exp(mean mu). */
    static double uniformPlusExpCdf(double y, double c, double mu) {
        if (y <= 0) {
            return 0;
        }
        if (c <= 1e-12) {
            return expCdf(y, mu);
        }
        double m = Math.min(c, y);
        // (1/c) * integral_0^m (1 - e^{-(y-u)/mu}) du
        return (m - mu * (Math.exp(-(y - m) / mu) - Math.exp(-y / mu))) / c;
    }
}
