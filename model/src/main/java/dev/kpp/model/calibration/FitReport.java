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
 */
public record FitReport(String id, String title, String xLabel, String unit, List<FittedParameter> parameters,
                        List<ValidationRow> rows, double inSampleMedianFactor, double inSampleWorstFactor,
                        double looMedianFactor, double looWorstFactor, List<CurveSeries> curves) {
    public FitReport {
        parameters = List.copyOf(parameters);
        rows = List.copyOf(rows);
        curves = List.copyOf(curves);
    }

    /** @return the rows used by the fit */
    public List<ValidationRow> usedRows() {
        return rows.stream().filter(ValidationRow::used).toList();
    }
}
