package dev.kpp.model.cost;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A predicted value with its 90% prediction interval, how far it can be trusted and the benchmark
 * rows it rests on. Structural counts are {@linkplain #exact exact}: no band, no benchmark. This is
 * the one band type: the window, the CLI and the reports all read it.
 *
 * @param value      central prediction
 * @param low        lower end of the 90% interval
 * @param high       upper end
 * @param confidence how far the calibration behind it can be trusted
 * @param reason     a code saying why the confidence is what it is ("" when there is nothing to say),
 *                   e.g. {@code one-source} or {@code few-rows}; the app renders it
 * @param basis      ids of the benchmark rows whose fits inform the value
 */
public record Estimate(double value, double low, double high, Confidence confidence, String reason,
                       List<String> basis) {
    /** How far an estimate can be trusted. */
    public enum Confidence {
        /** Counted from the structure, not fitted: no uncertainty. */
        EXACT,
        /** Fitted on enough rows from more than one source. */
        HIGH,
        /** Fitted on few rows or one source, or extrapolated: use with care. */
        LOW;

        /** @return the JSON id */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Estimate {
        if (!(low <= value && value <= high)) {
            throw new IllegalArgumentException("need low <= value <= high, got " + low + ", " + value + ", " + high);
        }
        Objects.requireNonNull(confidence, "confidence");
        reason = reason == null ? "" : reason;
        basis = List.copyOf(basis);
    }

    /** A fitted estimate of high confidence with no recorded basis. */
    public Estimate(double value, double low, double high) {
        this(value, low, high, Confidence.HIGH, "", List.of());
    }

    /** @return an exact (structural) value */
    public static Estimate exact(double value) {
        return new Estimate(value, value, value, Confidence.EXACT, "", List.of());
    }

    /** Multiplicative band: value / factor .. value x factor. */
    public static Estimate withFactor(double value, double factor) {
        double f = Math.max(1.0, factor);
        return new Estimate(value, value / f, value * f);
    }

    /** @return the lower of two confidences (EXACT above HIGH above LOW) */
    public static Confidence lower(Confidence a, Confidence b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** @return true when the confidence is {@link Confidence#LOW} */
    public boolean isLow() {
        return confidence == Confidence.LOW;
    }

    /** @return a copy with this confidence, reason and basis */
    public Estimate rated(Confidence c, String why, List<String> rows) {
        return new Estimate(value, low, high, c, why, rows);
    }

    /** @return a copy whose confidence is at most {@code c} (the reason is replaced when it is lowered) */
    public Estimate capped(Confidence c, String why) {
        return c.compareTo(confidence) > 0 ? new Estimate(value, low, high, c, why, basis) : this;
    }

    /** @return true when the band has a visible spread */
    public boolean hasSpread() {
        return high - low > 1e-9 * Math.max(1, Math.abs(value));
    }

    /**
     * @return the sum of two estimates (ends added, a conservative combination); the confidence is the
     *         lower of the two and the basis the union
     */
    public Estimate plus(Estimate o) {
        Confidence c = confidence.compareTo(o.confidence) >= 0 ? confidence : o.confidence;
        String why = confidence.compareTo(o.confidence) >= 0 ? reason : o.reason;
        return new Estimate(value + o.value, low + o.low, high + o.high, c, why, union(basis, o.basis));
    }

    /** @return the estimate scaled by a non-negative factor */
    public Estimate times(double k) {
        if (k < 0) {
            throw new IllegalArgumentException("negative scale");
        }
        return new Estimate(value * k, low * k, high * k, confidence, reason, basis);
    }

    private static List<String> union(List<String> a, List<String> b) {
        return Bases.union(a, b);
    }
}
