package dev.kpp.model.plan;

import dev.kpp.model.cost.Estimate;
import dev.kpp.model.inventory.ProxyMode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Finds where curves cross in a sweep: one mode overtaking another, or a mode crossing a budget.
 * Pure. The crossing is interpolated between the two sweep points around it (on a log x axis when
 * the x values are positive), so it agrees with {@code kpp sweep} to within one sweep step.
 */
public final class Crossovers {
    /** Curves closer than this (relative) count as equal, so touching curves do not flap. */
    public static final double TOLERANCE = 0.02;

    private Crossovers() {
    }

    /**
     * @param sweep  the sweep
     * @param metric the metric
     * @param budget the user's budget for it, if any
     * @return crossings between modes and with the budget, ordered by x
     */
    public static List<Crossover> find(SweepResult sweep, Metric metric, OptionalDouble budget) {
        double[] xs = sweep.values();
        ProxyMode[] modes = ProxyMode.values();
        double[][] values = new double[modes.length][];
        for (int m = 0; m < modes.length; m++) {
            Estimate[] e = sweep.estimates(metric, modes[m]);
            values[m] = new double[e.length];
            for (int i = 0; i < e.length; i++) {
                values[m][i] = e[i].value();
            }
        }
        List<Crossover> out = new ArrayList<>();
        for (int a = 0; a < modes.length; a++) {
            for (int b = a + 1; b < modes.length; b++) {
                crossings(xs, values[a], values[b], metric, modes[a], modes[b], OptionalDouble.empty(), out);
            }
            if (budget.isPresent()) {
                double[] line = new double[xs.length];
                Arrays.fill(line, budget.getAsDouble());
                crossings(xs, values[a], line, metric, modes[a], null, budget, out);
            }
        }
        out.sort(Comparator.comparingDouble(Crossover::services));
        return out;
    }

    private static void crossings(double[] xs, double[] va, double[] vb, Metric metric, ProxyMode a, ProxyMode b,
                                  OptionalDouble budget, List<Crossover> out) {
        int lastSign = 0;
        int lastIndex = -1;
        boolean logX = xs.length > 0 && xs[0] > 0;
        for (int i = 0; i < xs.length; i++) {
            double d = diff(va[i], vb[i]);
            int sign = Math.abs(d) <= TOLERANCE ? 0 : (d > 0 ? 1 : -1);
            if (sign == 0) {
                continue;
            }
            if (lastSign != 0 && sign != lastSign) {
                double d0 = diff(va[lastIndex], vb[lastIndex]);
                double t = d0 / (d0 - d);
                double x = logX
                        ? Math.exp(Math.log(xs[lastIndex]) + t * (Math.log(xs[i]) - Math.log(xs[lastIndex])))
                        : xs[lastIndex] + t * (xs[i] - xs[lastIndex]);
                double y = va[lastIndex] + t * (va[i] - va[lastIndex]);
                boolean rising = sign > 0;
                // report the mode that rises above the other, so texts read "A overtakes B"
                if (b != null && !rising) {
                    out.add(new Crossover(metric, x, y, b, a, true, budget));
                } else {
                    out.add(new Crossover(metric, x, y, a, b, rising, budget));
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
