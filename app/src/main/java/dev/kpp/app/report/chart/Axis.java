package dev.kpp.app.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * An axis range with its ticks: logarithmic (decades, with 2 and 5 between them when the range spans
 * few decades) or linear (1, 2, 5 x 10^n steps).
 *
 * @param log        logarithmic
 * @param min        the lower end
 * @param max        the upper end
 * @param ticks      labelled ticks
 * @param minorTicks unlabelled ticks
 */
public record Axis(boolean log, double min, double max, List<Double> ticks, List<Double> minorTicks) {
    public Axis {
        ticks = List.copyOf(ticks);
        minorTicks = List.copyOf(minorTicks);
    }

    /**
     * @param lo         the smallest value (> 0)
     * @param hi         the largest value
     * @param maxDecades the widest range shown: values below {@code hi / 10^maxDecades} fall off the bottom
     * @return a log axis over whole decades
     */
    public static Axis log(double lo, double hi, int maxDecades) {
        double a = Math.floor(Math.log10(lo) + 1e-9);
        double b = Math.ceil(Math.log10(hi) - 1e-9);
        if (b <= a) {
            b = a + 1;
        }
        if (b - a > maxDecades) {
            a = b - maxDecades;
        }
        List<Double> ticks = new ArrayList<>();
        List<Double> minor = new ArrayList<>();
        boolean dense = b - a <= 2;
        for (int e = (int) a; e <= (int) b; e++) {
            double d = Math.pow(10, e);
            ticks.add(d);
            if (e < b) {
                for (int k = 2; k <= 9; k++) {
                    if (dense && (k == 2 || k == 5)) {
                        ticks.add(k * d);
                    } else {
                        minor.add(k * d);
                    }
                }
            }
        }
        ticks.sort(Double::compare);
        return new Axis(true, Math.pow(10, a), Math.pow(10, b), ticks, minor);
    }

    /** @return a linear axis from {@code lo} to a round number at or above {@code hi} */
    public static Axis linear(double lo, double hi) {
        if (hi <= lo) {
            hi = lo + 1;
        }
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        double start = Math.floor(lo / step) * step;
        double end = Math.ceil(hi / step - 1e-9) * step;
        List<Double> ticks = new ArrayList<>();
        for (double v = start; v <= end + step / 2; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return new Axis(false, start, end, ticks, List.of());
    }

    /** @return where {@code v} falls between the ends, 0..1 */
    public double fraction(double v) {
        if (log) {
            double lv = Math.log10(Math.max(v, min * 1e-3));
            return (lv - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        }
        return (v - min) / (max - min);
    }
}
