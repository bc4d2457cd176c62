package dev.kpp.model.calibration;

/**
 * One benchmark point prepared for a fit: the measurement, the structural features the model
 * needs (rules evaluated, sync objects, ...), the weight given to its source, and where it is
 * plotted.
 *
 * @param reportId   the report (metric) it belongs to
 * @param point      the benchmark row
 * @param measured   the value the model must reproduce, in the model's unit
 * @param features   model inputs derived from the row's conditions
 * @param weight     weight of the source (1 strong ... 0.1 weak), see docs/model.md
 * @param x          x coordinate for plots (usually Services)
 * @param series     label of the curve the point belongs to
 * @param conditions human-readable conditions (services, endpoints, version, assumptions)
 */
public record Observation(String reportId, BenchmarkPoint point, double measured, double[] features, double weight,
                          double x, String series, String conditions) {
    public Observation {
        if (!(measured > 0)) {
            throw new IllegalArgumentException(point.id() + ": measurement must be > 0 for a log-space fit");
        }
        features = features.clone();
    }
}
