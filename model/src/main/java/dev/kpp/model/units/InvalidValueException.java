package dev.kpp.model.units;

import java.util.Locale;
import java.util.Objects;

/**
 * An input value the model rejects, as a code with its field and bounds rather than a sentence: the
 * CLI names the flag, the window the field, both through the app's message bundle.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Why a value is rejected. */
    public enum Code {
        /** Outside [min, max]. */
        OUT_OF_RANGE,
        /** Above max (min is not a bound). */
        TOO_LARGE,
        /** Two inputs together exceed a bound, e.g. NodePort + LoadBalancer shares above 1. */
        SUM_TOO_LARGE,
        /** Not a number, or not a number of this kind ("abc", "5x"). */
        NOT_A_NUMBER,
        /** A share written as a bare number above 1 ("5"): write 5% or 0.05. */
        AMBIGUOUS_SHARE,
        /** Not a kernel version (expected e.g. 5.15). */
        NOT_A_KERNEL_VERSION,
        /** Not a Kubernetes version (expected e.g. 1.33). */
        NOT_A_KUBERNETES_VERSION,
        /** Not one of the allowed names (e.g. an unknown sample or sweep input). */
        UNKNOWN_NAME,
        /** A required value is missing. */
        REQUIRED,
        /** The input is fixed by an imported inventory and cannot be set. */
        FIXED_BY_INVENTORY,
        /** The imported inventory has nothing to scale (no proxied Services or no endpoints). */
        NOTHING_TO_SCALE,
        /** A log-spaced range needs both ends above 0. */
        LOG_RANGE_NOT_POSITIVE
    }

    private final String field;
    private final Code code;
    private final String min;
    private final String max;
    private final String actual;

    /**
     * @param field  the input's id (its scenario JSON key, e.g. {@code services}, {@code nodePortShare})
     * @param code   why it is rejected
     * @param min    lower bound as text ("" when none)
     * @param max    upper bound as text ("" when none)
     * @param actual the rejected value as text
     */
    public InvalidValueException(String field, Code code, String min, String max, String actual) {
        super(field + ": " + code.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + (min.isEmpty() && max.isEmpty() ? "" : " [" + min + ", " + max + "]") + " (got " + actual + ")");
        this.field = Objects.requireNonNull(field);
        this.code = Objects.requireNonNull(code);
        this.min = min;
        this.max = max;
        this.actual = actual;
    }

    /** @return an out-of-range error */
    public static InvalidValueException range(String field, double min, double max, double actual) {
        return new InvalidValueException(field, Code.OUT_OF_RANGE, plain(min), plain(max), plain(actual));
    }

    /** @return an error without bounds */
    public static InvalidValueException of(String field, Code code, String actual) {
        return new InvalidValueException(field, code, "", "", actual == null ? "" : actual);
    }

    /** @return the input's id */
    public String field() {
        return field;
    }

    /** @return why it is rejected */
    public Code code() {
        return code;
    }

    /** @return lower bound as plain text ("" when none) */
    public String min() {
        return min;
    }

    /** @return upper bound as plain text ("" when none) */
    public String max() {
        return max;
    }

    /** @return the rejected value as text */
    public String actual() {
        return actual;
    }

    /** @return the exception for another field (e.g. a kernel parsed for the scenario's kernel) */
    public InvalidValueException forField(String otherField) {
        InvalidValueException e = new InvalidValueException(otherField, code, min, max, actual);
        e.initCause(this);
        return e;
    }

    /** @return a number as plain decimal text without a trailing ".0" */
    public static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
