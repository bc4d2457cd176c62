package dev.kpp.app.ui.results;

import dev.kpp.model.rules.Workload;
import dev.kpp.model.plan.Planner;
import dev.kpp.model.plan.Prediction;
import dev.kpp.model.scenario.ScenarioParams;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Computes the current prediction and the sweep for charts. Pure; runs on a worker thread. */
public final class PlanCalculator {
    private static final Planner PLANNER = new Planner(dev.kpp.model.calibration.Calibration.embedded());

    /** Smallest Service count charted. */
    public static final double SWEEP_MIN = 10;
    /** Points per decade of the sweep. */
    public static final int POINTS_PER_DECADE = 24;

    private PlanCalculator() {
    }

    /**
     * @param request   the inputs
     * @param cancelled stops early when a newer request superseded this one
     * @return the result, or null when cancelled
     */
    public static PlanResult compute(PlanRequest request, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        ScenarioParams params = request.params();
        Prediction current = predictAt(request, params.services());
        double max = sweepMax(params.services());
        int decades = (int) Math.round(Math.log10(max / SWEEP_MIN));
        int n = decades * POINTS_PER_DECADE + 1;
        double[] xs = new double[n];
        List<Prediction> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            long services = Math.round(SWEEP_MIN * Math.pow(10, i / (double) POINTS_PER_DECADE));
            xs[i] = services;
            points.add(predictAt(request, services));
        }
        return new PlanResult(request, current, new Sweep(xs, points), System.nanoTime() - start);
    }

    /** @return the chart's right end: a power of ten at least 100,000 and above twice the current count */
    public static double sweepMax(long services) {
        double target = Math.max(100_000, services * 2.0);
        return Math.min(ScenarioParams.MAX_SERVICES, Math.pow(10, Math.ceil(Math.log10(target))));
    }

    private static Prediction predictAt(PlanRequest r, long services) {
        ScenarioParams p = r.params().withServices(services);
        if (r.scalesInventory()) {
            Workload w = r.baseWorkload().scaled(services / (double) r.baseServices(), r.endpointsFactor());
            return PLANNER.predict(w, p);
        }
        return PLANNER.predict(p);
    }
}
