package dev.kpp.model.plan;

import dev.kpp.model.cost.Estimate;
import dev.kpp.model.inventory.ProxyMode;

import java.util.List;

/**
 * Predictions along one varied input: the data behind every chart, the sweep table and crossovers.
 *
 * @param input  the varied input
 * @param values the input's values, ascending
 * @param points one prediction per value
 */
public record SweepResult(Sweep.Input input, double[] values, List<Prediction> points) {
    public SweepResult {
        values = values.clone();
        points = List.copyOf(points);
        if (values.length != points.size()) {
            throw new IllegalArgumentException("one prediction per point");
        }
    }

    /** @return a metric's estimates for one mode at every point */
    public Estimate[] estimates(Metric metric, ProxyMode mode) {
        Estimate[] out = new Estimate[points.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = metric.of(points.get(i).mode(mode));
        }
        return out;
    }

    /** @return the input's values (a copy) */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** @return the number of points */
    public int size() {
        return points.size();
    }
}
