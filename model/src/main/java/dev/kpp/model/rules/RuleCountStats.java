package dev.kpp.model.rules;

/**
 * Rules (or rule evaluations) met by the first packet of a new connection, over all target
 * services and chain positions.
 *
 * @param mean  expected value
 * @param p50   median
 * @param p99   99th percentile
 * @param worst largest possible value (the Service whose rule comes last, its last endpoint)
 * @param p90   90th percentile
 * @param first smallest possible value (the Service whose rule comes first, its first endpoint)
 */
public record RuleCountStats(double mean, long p50, long p99, long worst, long p90, long first) {
    /** Statistics without the p90 and first figures (both taken equal to p99 and p50, a conservative reading). */
    public RuleCountStats(double mean, long p50, long p99, long worst) {
        this(mean, p50, p99, worst, p99, p50);
    }

    /** A constant count (no spread). */
    public static RuleCountStats constant(long value) {
        return new RuleCountStats(value, value, value, value, value, value);
    }

    /** No traffic of this kind (e.g. NodePort traffic when no service has a NodePort). */
    public static final RuleCountStats NONE = new RuleCountStats(0, 0, 0, 0, 0, 0);
}
