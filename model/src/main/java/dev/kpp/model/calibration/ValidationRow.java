package dev.kpp.model.calibration;

/**
 * One benchmark point against the model.
 *
 * @param benchmarkId    dataset id
 * @param conditions     conditions (services, endpoints, version, assumptions)
 * @param x              plot x (usually Services)
 * @param measured       measured value
 * @param predicted      in-sample prediction (NaN when unused)
 * @param looPredicted   leave-one-out prediction (NaN when unused or not computable)
 * @param factorError    max(pred/meas, meas/pred) in sample
 * @param looFactorError the same for the leave-one-out prediction
 * @param used           whether the point took part in the fit
 * @param note           series label for used points, or why the row is not used
 * @param lsoPredicted   prediction by a fit without any row of this row's source, with a new source's factor 1
 *                       (NaN when the family has one source or the row is unused)
 * @param lsoFactorError the same as a factor error
 * @param source         the row's source key
 * @param reasonCode     why an unused row is not used (a code the app renders); for a used row "" or
 *                       {@code sole-support} (it alone determines a parameter: its held-out figures test a prior)
 * @param inLooBand      true when the measured value lies in the 90% band around the leave-one-out prediction
 *                       (band built from the other rows' leave-one-out residuals)
 */
public record ValidationRow(String benchmarkId, String conditions, double x, double measured, double predicted,
                            double looPredicted, double factorError, double looFactorError, boolean used,
                            String note, double lsoPredicted, double lsoFactorError, String source,
                            String reasonCode, boolean inLooBand) {
    /** A row in the shape of the first schema (no leave-source-out figures). */
    public ValidationRow(String benchmarkId, String conditions, double x, double measured, double predicted,
                         double looPredicted, double factorError, double looFactorError, boolean used, String note) {
        this(benchmarkId, conditions, x, measured, predicted, looPredicted, factorError, looFactorError, used, note,
                Double.NaN, Double.NaN, "", used ? "" : "not-used", false);
    }
}
