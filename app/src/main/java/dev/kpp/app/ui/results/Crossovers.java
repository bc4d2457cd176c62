package dev.kpp.app.ui.results;

import dev.kpp.model.inventory.ProxyMode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/** Finds crossovers in a sweep. Pure. */
public final class Crossovers {
    /** Curves closer than this (relative) count as equal, so touching curves do not flap. */
    static final double TOLERANCE = 0.02;

    private Crossovers() {
    }

    /**
     * @param sweep  the sweep
     * @param metric the metric
     * @param budget the user's budget for it, if any
     * @return crossings between modes and with the budget, by Service count
     */
    public static List<Crossover> find(Sweep sweep, Metric metric, OptionalDouble budget) {
        double[] xs = sweep.services();
        ProxyMode[] modes = ProxyMode.values();
        double[][] values = new double[modes.length][];
        for (int m = 0; m < modes.length; m++) {
            Band[] bands = sweep.bands(metric, modes[m]);
            values[m] = new double[bands.length];
            for (int i = 0; i < bands.length; i++) {
                values[m][i] = bands[i].value();
            }
        }
        List<Crossover> out = new ArrayList<>();
        for (int a = 0; a < modes.length; a++) {
            for (int b = a + 1; b < modes.length; b++) {
                crossings(xs, values[a], values[b], metric, modes[a], modes[b], out);
            }
            if (budget.isPresent()) {
                double[] line = new double[xs.length];
                java.util.Arrays.fill(line, budget.getAsDouble());
                crossings(xs, values[a], line, metric, modes[a], null, out);
            }
        }
        out.sort(Comparator.comparingDouble(Crossover::services));
        return out;
    }

    private static void crossings(double[] xs, double[] va, double[] vb, Metric metric, ProxyMode a, ProxyMode b,
                                  List<Crossover> out) {
        int lastSign = 0;
        int lastIndex = -1;
        for (int i = 0; i < xs.length; i++) {
            double d = diff(va[i], vb[i]);
            int sign = Math.abs(d) <= TOLERANCE ? 0 : (d > 0 ? 1 : -1);
            if (sign == 0) {
                continue;
            }
            if (lastSign != 0 && sign != lastSign) {
                double d0 = diff(va[lastIndex], vb[lastIndex]);
                double t = d0 / (d0 - d);
                double lx = Math.log(xs[lastIndex]) + t * (Math.log(xs[i]) - Math.log(xs[lastIndex]));
                double x = Math.exp(lx);
                double y = va[lastIndex] + t * (va[i] - va[lastIndex]);
                boolean rising = sign > 0;
                // report the mode that rises above the other first, so texts read "A overtakes B"
                if (b != null && !rising) {
                    out.add(new Crossover(metric, x, y, b, a, true));
                } else {
                    out.add(new Crossover(metric, x, y, a, b, rising));
                }
            }
            lastSign = sign;
            lastIndex = i;
        }
    }

    /** @return a relative difference: log ratio for positive values, else scaled difference */
    private static double diff(double a, double b) {
        if (a > 0 && b > 0) {
            return Math.log(a / b);
        }
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : (a - b) / scale;
    }
}
