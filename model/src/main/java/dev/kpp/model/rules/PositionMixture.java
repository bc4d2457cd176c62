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
    private record Component(double weight, double base, long slots, double step, long choices) {
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
            double total = full * (double) choices + partialPicks(y, full, slots, step, choices);
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
            components.add(new Component(weight, base, Math.max(1, slots), Math.max(0, step), Math.max(1, choices)));
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
        return new RuleCountStats(mean, quantile(0.5, totalWeight, lo, hi), quantile(0.99, totalWeight, lo, hi),
                (long) Math.ceil(hi - 1e-9), quantile(0.9, totalWeight, lo, hi), quantile(1e-12, totalWeight, lo, hi));
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

    private long quantile(double q, double totalWeight, double lo, double hi) {
        long a = (long) Math.floor(lo);
        long b = (long) Math.ceil(hi);
        while (a < b) {
            long mid = a + (b - a) / 2;
            if (cdf(mid, totalWeight) >= q - 1e-12) {
                b = mid;
            } else {
                a = mid + 1;
            }
        }
        return a;
    }

    private double cdf(double x, double totalWeight) {
        double sum = 0;
        for (Component c : components) {
            sum += c.weight * c.cdf(x);
        }
        return sum / totalWeight;
    }
}
