package dev.kpp.model.calibration;

/**
 * A fitted curve to draw behind the benchmark points.
 *
 * @param label label
 * @param x     x values
 * @param y     model values
 */
public record CurveSeries(String label, double[] x, double[] y) {
    public CurveSeries {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        x = x.clone();
        y = y.clone();
    }
}
