package dev.kpp.model.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The distribution of rules evaluated by a new connection as a mixture of components
 * {@code R = base + j*step + k}, with {@code j} uniform on {@code 0..slots-1} (how many rules of
 * other services come first in a linearly scanned chain) and {@code k} uniform on
 * {@code 1..choices} (which probability rule picks the endpoint). Each component carries a weight
 * (its share of new connections).
 *
 * <p>kube-proxy writes services in Go map order, which is random per full sync, so the position
 * of a service in KUBE-SERVICES is uniform; see docs/model.md ("Rules per connection").
 */
public final class PositionMixture {
    /**
     * @param stepNum, stepDen the step as the exact fraction {@code stepNum / stepDen} when it is one
     *                         ({@code stepDen > 0}), else {@code stepDen == 0}: picks are then summed exactly
     *                         in closed form even when the step is not a whole number
     */
    private record Component(double weight, double base, long slots, double step, long choices, long stepNum,
                             long stepDen) {
        /** Equal when the distribution is: the step's fraction form is how it is summed, not what it is. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Component c && Double.compare(c.weight, weight) == 0 && Double.compare(c.base, base) == 0
                    && c.slots == slots && Double.compare(c.step, step) == 0 && c.choices == choices;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(weight, base, slots, step, choices);
        }

        double mean() {
            return base + step * (slots - 1) / 2.0 + (choices + 1) / 2.0;
        }

        double max() {
            return base + step * (slots - 1) + choices;
        }

        double min() {
            return base + 1;
        }

        /** P(R <= x). */
        double cdf(double x) {
            double y = x - base; // need j*step + k <= y
            if (y < 1) {
                return 0;
            }
            if (y >= step * (slots - 1) + choices) {
                return 1;
            }
            if (step <= 0 || slots == 1) {
                return Math.min(choices, Math.floor(y)) / (double) choices;
            }
            // j with y - j*step >= choices contribute all choices
            long full = (long) Math.floor((y - choices) / step) + 1;
            full = Math.max(0, Math.min(slots, full));
            double picks = stepDen > 0 ? rationalPicks(y, full, slots, stepNum, stepDen, choices) : Double.NaN;
            if (Double.isNaN(picks)) {
                picks = partialPicks(y, full, slots, step, choices);
            }
            double total = full * (double) choices + picks;
            return total / (slots * (double) choices);
        }
    }

    /**
     * The endpoint picks {@code min(choices, floor(y - j*step))} summed over the positions {@code j}
     * from {@code from} while {@code y - j*step >= 1}. Every term is an integer, so the sum is exact;
     * with a whole-number step (the usual case: rules per Service) it is an arithmetic series and is
     * summed in closed form, otherwise position by position.
     */
    static double partialPicks(double y, long from, long slots, double step, long choices) {
        if (step >= 1 && step == Math.rint(step) && step < 0x1p20 && y < 0x1p40 && slots < 0x1p30) {
            // y - j*step is exact here (an integer subtracted from a smaller-than-2^53 double), so
            // floor(y - j*step) = floor(y) - j*step and the scan below adds exactly these terms
            long s = (long) step;
            long fy = (long) Math.floor(y);
            long last = Math.min(slots - 1, Math.floorDiv(fy - 1, s)); // the last j with a rest >= 1
            if (last < from) {
                return 0;
            }
            long capped = Math.max(from - 1, Math.min(last, Math.floorDiv(fy - choices, s))); // rest >= choices
            long sum = (capped - from + 1) * choices;
            long first = capped + 1;
            long n = last - first + 1;
            if (n > 0) {
                sum += n * fy - s * ((first + last) * n / 2);
            }
            return sum;
        }
        return scanPicks(y, from, slots, step, choices);
    }

    /**
     * {@link #partialPicks} for a step that is the fraction {@code num / den} (rules of the other Services per
     * position, averaged over the Service ports): with a whole {@code y} every term
     * {@code floor((y*den - j*num) / den)} is the floor of a linear function of {@code j}, and their sum is
     * the classic floor sum, computed in O(log) steps (Euclid-like reduction), exactly.
     *
     * @return the sum, or NaN when the inputs are outside the exact range (the caller then scans)
     */
    static double rationalPicks(double y, long from, long slots, long num, long den, long choices) {
        if (num <= 0 || den <= 0 || y != Math.rint(y) || y < 0 || y > 0x1p31 || num > 0x1p31 || den > 0x1p31
                || slots > 0x1p31 || choices > 0x1p31 || from < 0) {
            return Double.NaN;
        }
        long yy = (long) y;
        try {
            // the last j with a rest y - j*num/den >= 1, and the last with a rest >= choices
            long last = Math.min(slots - 1, Math.floorDiv(Math.multiplyExact(yy - 1, den), num));
            if (last < from) {
                return 0;
            }
            long capped = Math.max(from - 1, Math.min(last, Math.floorDiv(Math.multiplyExact(yy - choices, den), num)));
            long sum = Math.multiplyExact(capped - from + 1, choices);
            long first = capped + 1;
            long n = last - first + 1;
            if (n > 0) {
                // j = last - k, k = 0..n-1: floor((k*num + (y*den - last*num)) / den)
                long b = Math.subtractExact(Math.multiplyExact(yy, den), Math.multiplyExact(last, num));
                sum = Math.addExact(sum, floorSum(n, den, num, b));
            }
            return sum;
        } catch (ArithmeticException e) {
            return Double.NaN;
        }
    }

    /** @return the sum of {@code floor((a*i + b) / m)} for {@code i = 0..n-1} ({@code n, m > 0}, {@code a, b >= 0}) */
    static long floorSum(long n, long m, long a, long b) {
        long ans = 0;
        while (true) {
            if (a >= m) {
                ans = Math.addExact(ans, Math.multiplyExact(Math.multiplyExact(n - 1, n) / 2, a / m));
                a %= m;
            }
            if (b >= m) {
                ans = Math.addExact(ans, Math.multiplyExact(n, b / m));
                b %= m;
            }
            long yMax = Math.addExact(Math.multiplyExact(a, n), b);
            if (yMax < m) {
                return ans;
            }
            n = yMax / m;
            b = yMax % m;
            long t = m;
            m = a;
            a = t;
        }
    }

    /** {@link #partialPicks} position by position. */
    static double scanPicks(double y, long from, long slots, double step, long choices) {
        double total = 0;
        long j = from;
        while (j < slots) {
            double rest = y - j * step;
            if (rest < 1) {
                break;
            }
            total += Math.min(choices, Math.floor(rest));
            j++;
        }
        return total;
    }

    private final List<Component> components = new ArrayList<>();

    /**
     * Adds a component.
     *
     * @param weight  share of connections (any non-negative scale; normalised later)
     * @param base    rules evaluated in every case, before the chain scan and the endpoint pick
     * @param slots   number of equally likely positions (at least 1)
     * @param step    rules per position step
     * @param choices number of equally likely endpoint picks (at least 1)
     * @return this
     */
    public PositionMixture add(double weight, double base, long slots, double step, long choices) {
        if (weight > 0) {
            components.add(new Component(weight, base, Math.max(1, slots), Math.max(0, step), Math.max(1, choices), 0,
                    0));
        }
        return this;
    }

    /**
     * Adds a component whose step is the exact fraction {@code stepNum / stepDen} (e.g. the other Services'
     * rules over the other Service ports): the same distribution as {@link #add(double, double, long, double,
     * long)} with {@code step = stepNum / (double) stepDen}, its sums computed in closed form.
     */
    public PositionMixture add(double weight, double base, long slots, long stepNum, long stepDen, long choices) {
        if (stepDen <= 0 || stepNum < 0) {
            return add(weight, base, slots, stepDen > 0 ? Math.max(0, stepNum) / (double) stepDen : 0, choices);
        }
        if (weight > 0) {
            components.add(new Component(weight, base, Math.max(1, slots), stepNum / (double) stepDen,
                    Math.max(1, choices), stepNum, stepDen));
        }
        return this;
    }

    /** Equal when they hold the same components, in any order (the distribution is the same). */
    @Override
    public boolean equals(Object o) {
        return o instanceof PositionMixture m && m.sorted().equals(sorted());
    }

    @Override
    public int hashCode() {
        return sorted().hashCode();
    }

    private List<Component> sorted() {
        List<Component> s = new ArrayList<>(components);
        s.sort(java.util.Comparator.comparingDouble(Component::base).thenComparingLong(Component::slots)
                .thenComparingDouble(Component::step).thenComparingLong(Component::choices)
                .thenComparingDouble(Component::weight));
        return s;
    }

    @Override
    public String toString() {
        return "PositionMixture" + components;
    }

    /** @return true when no component was added */
    public boolean isEmpty() {
        return components.isEmpty();
    }

    /** @return mean, median, 90th and 99th percentile, best and worst case */
    public RuleCountStats stats() {
        if (components.isEmpty()) {
            return RuleCountStats.NONE;
        }
        double totalWeight = 0;
        double mean = 0;
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (Component c : components) {
            totalWeight += c.weight;
            mean += c.weight * c.mean();
            lo = Math.min(lo, c.min());
            hi = Math.max(hi, c.max());
        }
        mean /= totalWeight;
        // quantiles are monotone in q: each later search starts from the bracket an earlier one left
        long p50 = quantile(0.5, totalWeight, lo, hi);
        long p90 = quantile(0.9, totalWeight, p50, hi);
        long p99 = quantile(0.99, totalWeight, p90, hi);
        long best = quantile(1e-12, totalWeight, lo, p50);
        return new RuleCountStats(mean, p50, p99, (long) Math.ceil(hi - 1e-9), p90, best);
    }

    /**
     * @param q probability in (0, 1)
     * @return the smallest rule count r with P(R <= r) >= q; 0 for an empty mixture
     */
    public long quantile(double q) {
        if (components.isEmpty()) {
            return 0;
        }
        double totalWeight = 0;
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (Component c : components) {
            totalWeight += c.weight;
            lo = Math.min(lo, c.min());
            hi = Math.max(hi, c.max());
        }
        return quantile(q, totalWeight, lo, hi);
    }

    /**
     * The smallest whole {@code r} in {@code [floor(lo), ceil(hi)]} with {@code P(R <= r) >= q} (within 1e-12).
     * The search keeps {@code cdf(a) < q <= cdf(b)} and guesses the next point by interpolating the CDF between
     * the two (it is close to piecewise linear or quadratic in r), halving the bracket instead whenever a guess
     * did not: the same answer as a bisection, in a handful of CDF evaluations instead of about twenty.
     */
    private long quantile(double q, double totalWeight, double lo, double hi) {
        long a = (long) Math.floor(lo);
        long b = (long) Math.ceil(hi);
        double target = q - 1e-12;
        if (a >= b) {
            return a;
        }
        double fa = cdf(a, totalWeight);
        if (fa >= target) {
            return a;
        }
        double fb = cdf(b, totalWeight);
        boolean bisect = false;
        while (b - a > 1) {
            long mid;
            if (bisect || !(fb > fa)) {
                mid = a + (b - a) / 2;
            } else {
                double t = (target - fa) / (fb - fa);
                mid = a + (long) Math.ceil(Math.min(1.0, Math.max(0.0, t)) * (b - a));
                mid = Math.max(a + 1, Math.min(b - 1, mid));
            }
            long before = b - a;
            double fm = cdf(mid, totalWeight);
            if (fm >= target) {
                b = mid;
                fb = fm;
            } else {
                a = mid;
                fa = fm;
            }
            bisect = !bisect && (b - a) * 2 > before;
        }
        return b;
    }

    private double cdf(double x, double totalWeight) {
        double sum = 0;
        for (Component c : components) {
            sum += c.weight * c.cdf(x);
        }
        return sum / totalWeight;
    }
}
