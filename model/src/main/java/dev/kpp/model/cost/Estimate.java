package dev.kpp.model.cost;

/**
 * A predicted value with its 90% prediction interval, derived from the leave-one-out residual
 * spread of the model that produced it.
 *
 * @param value central prediction
 * @param low   lower end
 * @param high  upper end
 */
public record Estimate(double value, double low, double high) {
    public Estimate {
        if (!(low <= value && value <= high)) {
            throw new IllegalArgumentException("need low <= value <= high, got " + low + ", " + value + ", " + high);
        }
    }

    /** Multiplicative band: value / factor .. value x factor. */
    public static Estimate withFactor(double value, double factor) {
        double f = Math.max(1.0, factor);
        return new Estimate(value, value / f, value * f);
    }

    /** @return the sum of two estimates (ends added, a conservative combination) */
    public Estimate plus(Estimate o) {
        return new Estimate(value + o.value, low + o.low, high + o.high);
    }

    /** @return the estimate scaled by a non-negative factor */
    public Estimate times(double k) {
        if (k < 0) {
            throw new IllegalArgumentException("negative scale");
        }
        return new Estimate(value * k, low * k, high * k);
    }
}
