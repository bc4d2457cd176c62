package dev.kpp.model.calibration;

/**
 * One benchmark point prepared for a fit: the measurement, the structural features the model
 * needs (rules evaluated, sync objects, ...), the weight it gets, its source, and where it is plotted.
 *
 * @param reportId   the family (report) it belongs to
 * @param point      the benchmark row
 * @param measured   the value the model must reproduce, in the model's unit
 * @param features   model inputs derived from the row's conditions
 * @param weight     weight in the fit (1 unless stated otherwise; docs/model.md)
 * @param x          x coordinate for plots (usually Services)
 * @param series     label of the curve the point belongs to
 * @param conditions human-readable conditions (services, endpoints, version, assumptions)
 * @param source     source key ({@link SourceKeys}); rows of one source share a fitted factor
 */
public record Observation(String reportId, BenchmarkPoint point, double measured, double[] features, double weight,
                          double x, String series, String conditions, String source) {
    public Observation {
        if (!(measured > 0)) {
            throw new IllegalArgumentException(point.id() + ": measurement must be > 0 for a log-space fit");
        }
        features = features.clone();
    }

    /** An observation whose source is read from its row. */
    public Observation(String reportId, BenchmarkPoint point, double measured, double[] features, double weight,
                       double x, String series, String conditions) {
        this(reportId, point, measured, features, weight, x, series, conditions, SourceKeys.of(point));
    }

    /** @return feature {@code i} */
    public double f(int i) {
        return features[i];
    }
}
