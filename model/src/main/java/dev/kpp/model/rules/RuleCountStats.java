package dev.kpp.model.rules;

/**
 * Rules (or rule evaluations) met by the first packet of a new connection, over all target
 * services and chain positions.
 *
 * @param mean  expected value
 * @param p50   median
 * @param p99   99th percentile
 * @param worst largest possible value
 */
public record RuleCountStats(double mean, long p50, long p99, long worst) {
    /** A constant count (no spread). */
    public static RuleCountStats constant(long value) {
        return new RuleCountStats(value, value, value, value);
    }

    /** No traffic of this kind (e.g. NodePort traffic when no service has a NodePort). */
    public static final RuleCountStats NONE = new RuleCountStats(0, 0, 0, 0);
}
