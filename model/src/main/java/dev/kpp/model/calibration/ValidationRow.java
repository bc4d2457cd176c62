package dev.kpp.model.calibration;

/**
 * One benchmark point against the model.
 *
 * @param benchmarkId   dataset id
 * @param conditions    conditions (services, endpoints, version, assumptions)
 * @param x             plot x (usually Services)
 * @param measured      measured value
 * @param predicted     in-sample prediction (NaN when unused)
 * @param looPredicted  leave-one-out prediction (NaN when unused or not computable)
 * @param factorError   max(pred/meas, meas/pred) in sample
 * @param looFactorError the same for the leave-one-out prediction
 * @param used          whether the point took part in the fit
 * @param note          series label for used points, or why the row is not used
 */
public record ValidationRow(String benchmarkId, String conditions, double x, double measured, double predicted,
                            double looPredicted, double factorError, double looFactorError, boolean used,
                            String note) {
}
