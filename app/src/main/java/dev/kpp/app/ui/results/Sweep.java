package dev.kpp.app.ui.results;

import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Prediction;

import java.util.List;

/**
 * Predictions at log-spaced Service counts, the data behind every chart.
 *
 * @param services the Service counts, ascending
 * @param points   one prediction per count
 */
public record Sweep(double[] services, List<Prediction> points) {
    public Sweep {
        services = services.clone();
        points = List.copyOf(points);
        if (services.length != points.size()) {
            throw new IllegalArgumentException("one prediction per point");
        }
    }

    /** @return the metric's bands for one mode at every point */
    public Band[] bands(Metric metric, ProxyMode mode) {
        Band[] out = new Band[points.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = metric.of(points.get(i).mode(mode));
        }
        return out;
    }

    /** @return the Service counts (a copy) */
    @Override
    public double[] services() {
        return services.clone();
    }

    /** @return the number of points */
    public int size() {
        return points.size();
    }
}
