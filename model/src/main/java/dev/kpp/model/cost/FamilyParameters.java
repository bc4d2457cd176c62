package dev.kpp.model.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fitted parameters of one calibration family and what is known about their accuracy, as the cost engine
 * needs them. Produced by {@code dev.kpp.model.calibration.Calibration}; the physical forms that use them are in
 * {@link Forms}.
 *
 * @param family      family id, e.g. {@code sync-nftables}
 * @param form        the form chosen by leave-one-out comparison, e.g. {@link Forms#TWO_TERM}
 * @param values      fitted parameters by name (units in docs/model.md and {@code kpp calibrate})
 * @param bandFactor  multiplicative half-width of the family's 90% prediction interval (>= 1)
 * @param confidence  {@link Estimate.Confidence#HIGH} or {@link Estimate.Confidence#LOW}
 * @param reason      why the confidence is low ({@code few-rows}, {@code one-source}), "" otherwise
 * @param basis       benchmark ids of the rows the fit used
 * @param minServices smallest Service count among those rows (NaN when the rows carry none)
 * @param maxServices largest Service count among those rows (NaN when the rows carry none)
 */
public record FamilyParameters(String family, String form, Map<String, Double> values, double bandFactor,
                               Estimate.Confidence confidence, String reason, List<String> basis,
                               double minServices, double maxServices) {
    /** Predictions this far outside the fitted Service range are marked {@code extrapolated}. */
    public static final double EXTRAPOLATION_FACTOR = 10;

    public FamilyParameters {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        basis = List.copyOf(basis);
        reason = reason == null ? "" : reason;
        if (!(bandFactor >= 1)) {
            throw new IllegalArgumentException(family + ": band factor must be >= 1, got " + bandFactor);
        }
    }

    /** @return a parameter; fails loudly when the family has no such parameter */
    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(family + " (" + form + ") has no parameter '" + name + "'");
        }
        return v;
    }

    /** @return a parameter, or {@code fallback} when the chosen form does not have it */
    public double getOrDefault(String name, double fallback) {
        Double v = values.get(name);
        return v == null ? fallback : v;
    }

    /**
     * @param value    the central prediction
     * @param services the scenario's Services (for the extrapolation check), NaN to skip it
     * @return the value with this family's band, confidence and basis
     */
    public Estimate estimate(double value, double services) {
        double f = Math.max(1.0, bandFactor);
        Estimate.Confidence c = confidence;
        String why = reason;
        if (c == Estimate.Confidence.HIGH && extrapolated(services)) {
            c = Estimate.Confidence.LOW;
            why = "extrapolated";
        }
        return new Estimate(value, value / f, value * f, c, why, basis);
    }

    /** @return true when a Service count lies more than 10x outside the fitted range */
    public boolean extrapolated(double services) {
        if (Double.isNaN(services) || Double.isNaN(minServices) || Double.isNaN(maxServices) || services <= 0) {
            return false;
        }
        return services > maxServices * EXTRAPOLATION_FACTOR || services < minServices / EXTRAPOLATION_FACTOR;
    }
}
