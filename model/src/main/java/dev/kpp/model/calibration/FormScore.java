package dev.kpp.model.calibration;

/**
 * How one candidate form of a family scored.
 *
 * @param form                 form id
 * @param parameters           number of fitted parameters
 * @param inSampleMedianFactor median in-sample factor error
 * @param looMedianFactor      median leave-one-out factor error (the choice criterion)
 * @param looRmsLog            RMS of the leave-one-out log residuals
 * @param chosen               whether this form was kept
 */
public record FormScore(String form, int parameters, double inSampleMedianFactor, double looMedianFactor,
                        double looRmsLog, boolean chosen) {
}
