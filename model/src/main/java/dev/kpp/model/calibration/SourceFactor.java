package dev.kpp.model.calibration;

/**
 * A source's fitted factor: how much its setup (hardware, kernel, method) scales the family's prediction.
 *
 * @param source source key
 * @param rows   rows of the family from that source
 * @param factor fitted factor (1 for families without source factors)
 */
public record SourceFactor(String source, int rows, double factor) {
}
