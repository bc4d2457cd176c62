package dev.kpp.model.calibration;

/**
 * A fitted model parameter.
 *
 * @param name          name, e.g. {@code alpha}
 * @param unit          unit, e.g. {@code ns/rule}
 * @param value         fitted value
 * @param standardError standard error (NaN when the data cannot determine it)
 */
public record FittedParameter(String name, String unit, double value, double standardError) {
}
