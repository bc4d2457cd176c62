package dev.kpp.importer.spi;

import java.util.Map;
import java.util.TreeMap;

/**
 * One Prometheus histogram series as observed: cumulative buckets, count and sum.
 *
 * @param count   observations ({@code _count})
 * @param sum     sum of observations ({@code _sum}), in the metric's unit (seconds)
 * @param buckets cumulative counts by upper bound ({@code le}); +Inf is {@link Double#POSITIVE_INFINITY}
 */
public record HistogramSummary(double count, double sum, Map<Double, Double> buckets) {
    public HistogramSummary {
        buckets = java.util.Collections.unmodifiableMap(new TreeMap<>(buckets == null ? Map.of() : buckets));
    }

    /** @return mean observation, or NaN without observations */
    public double mean() {
        return count > 0 ? sum / count : Double.NaN;
    }

    /**
     * Estimates a quantile by linear interpolation inside the bucket that holds it, as PromQL's
     * {@code histogram_quantile} does.
     *
     * @param q quantile in 0..1
     * @return the estimate, or NaN without observations
     */
    public double quantile(double q) {
        if (count <= 0 || buckets.isEmpty()) {
            return Double.NaN;
        }
        double rank = q * count;
        double prevBound = 0;
        double prevCount = 0;
        for (Map.Entry<Double, Double> b : buckets.entrySet()) {
            if (b.getValue() >= rank) {
                if (b.getKey().isInfinite()) {
                    return prevBound; // highest finite bound, like histogram_quantile
                }
                double inBucket = b.getValue() - prevCount;
                double frac = inBucket > 0 ? (rank - prevCount) / inBucket : 0;
                return prevBound + (b.getKey() - prevBound) * frac;
            }
            prevBound = b.getKey().isInfinite() ? prevBound : b.getKey();
            prevCount = b.getValue();
        }
        return prevBound;
    }
}
