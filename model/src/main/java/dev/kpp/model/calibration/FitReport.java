package dev.kpp.model.calibration;

import java.util.List;

/**
 * What one calibrated model is, how it was fitted and how well it reproduces the data.
 *
 * @param id                   stable id, e.g. {@code latency-modern}
 * @param title                title
 * @param xLabel               label of the plot's x axis
 * @param unit                 unit of measured/predicted values
 * @param parameters           fitted parameters with standard errors
 * @param rows                 used rows first, then rows not used (with the reason)
 * @param inSampleMedianFactor median in-sample factor error over used rows
 * @param inSampleWorstFactor  worst in-sample factor error
 * @param looMedianFactor      median leave-one-out factor error
 * @param looWorstFactor       worst leave-one-out factor error
 * @param curves               fitted curves for plots
 * @param form                 the chosen form ("structural" for checks that are not fitted)
 * @param forms                every candidate form's scores
 * @param lsoMedianFactor      median leave-source-out factor error (NaN with fewer than two sources)
 * @param lsoWorstFactor       worst leave-source-out factor error
 * @param bandFactor90         multiplicative half-width of the 90% prediction interval
 * @param looCoverage          share of used rows inside the 90% band around their leave-one-out prediction
 * @param lsoCoverage          the same for leave-source-out predictions (NaN with fewer than two sources)
 * @param sources              number of distinct sources among the used rows
 * @param confidence           {@code high} or {@code low} ({@code exact} for structural checks)
 * @param reason               why the confidence is low ({@code few-rows}, {@code one-source}), "" otherwise
 * @param sourceFactors        fitted factor of every source
 */
public record FitReport(String id, String title, String xLabel, String unit, List<FittedParameter> parameters,
                        List<ValidationRow> rows, double inSampleMedianFactor, double inSampleWorstFactor,
                        double looMedianFactor, double looWorstFactor, List<CurveSeries> curves, String form,
                        List<FormScore> forms, double lsoMedianFactor, double lsoWorstFactor, double bandFactor90,
                        double looCoverage, double lsoCoverage, int sources, String confidence, String reason,
                        List<SourceFactor> sourceFactors) {
    public FitReport {
        parameters = List.copyOf(parameters);
        rows = List.copyOf(rows);
        curves = List.copyOf(curves);
        forms = List.copyOf(forms);
        sourceFactors = List.copyOf(sourceFactors);
        reason = reason == null ? "" : reason;
    }

    /** @return the rows used by the fit */
    public List<ValidationRow> usedRows() {
        return rows.stream().filter(ValidationRow::used).toList();
    }

    /** @return true for a structural check (counted, not fitted) */
    public boolean structural() {
        return "structural".equals(form);
    }
}
