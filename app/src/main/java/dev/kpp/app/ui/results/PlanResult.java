package dev.kpp.app.ui.results;

import dev.kpp.model.plan.Prediction;

/**
 * The outcome of one recomputation.
 *
 * @param request     what was asked
 * @param current     the prediction at the current inputs
 * @param sweep       predictions against the number of Services
 * @param computeNanos how long the computation took on the worker
 */
public record PlanResult(PlanRequest request, Prediction current, Sweep sweep, long computeNanos) {
}
