package dev.kpp.app;

import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.plan.Budgets;
import dev.kpp.model.plan.Plan;
import dev.kpp.model.plan.PlanInput;
import dev.kpp.model.plan.Planner;
import dev.kpp.model.scenario.Sample;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The window's first plan, computed on a thread of its own from the moment the JVM starts, while JavaFX starts
 * and the views load on the other core (docs/benchmarks.md, "Start-up"): the calibration (restored from the
 * user's cache, or fitted), the planner on it, and the plan of the sample a first launch opens with. The
 * window applies it before its first layout, so its first frame already has the charts; when anything
 * differs (another sample, other budgets) or it is not ready in time, the window plans as it always does.
 */
final class StartupPlan {
    /**
     * A plan ready for the window.
     *
     * @param calibration the fit
     * @param planner     the planner on it
     * @param input       what was planned
     * @param budgets     the budgets it was planned against
     * @param plan        the plan
     */
    record Prepared(Calibration calibration, Planner planner, PlanInput input, Budgets budgets, Plan plan) {
    }

    private final CompletableFuture<Calibration> calibration = new CompletableFuture<>();
    private final CompletableFuture<Prepared> plan = new CompletableFuture<>();

    private StartupPlan() {
    }

    /**
     * Starts the work on a daemon thread ("kpp-startup-plan").
     *
     * @param fit     fits or restores the calibration
     * @param sample  the sample the window opens with
     * @param budgets the budgets it opens with
     * @return the work under way
     */
    static StartupPlan begin(Supplier<Calibration> fit, Sample sample, Budgets budgets) {
        Objects.requireNonNull(fit);
        PlanInput input = PlannerSession.sampleInput(sample, sample.params());
        StartupPlan s = new StartupPlan();
        Thread t = new Thread(() -> s.run(fit, input, Objects.requireNonNull(budgets)), "kpp-startup-plan");
        t.setDaemon(true);
        t.start();
        return s;
    }

    private void run(Supplier<Calibration> fit, PlanInput input, Budgets budgets) {
        Calibration c;
        try {
            c = fit.get();
        } catch (RuntimeException | Error e) {
            calibration.completeExceptionally(e);
            plan.completeExceptionally(e);
            return;
        }
        calibration.complete(c);
        try {
            Planner planner = new Planner(c);
            plan.complete(new Prepared(c, planner, input, budgets, planner.plan(input, budgets, () -> false)));
        } catch (RuntimeException | Error e) {
            plan.completeExceptionally(e);
        }
    }

    /**
     * Waits for the calibration (a worker's call: the window fits through this).
     *
     * @return the calibration
     * @throws RuntimeException what fitting threw
     */
    Calibration calibration() {
        try {
            return calibration.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * @param timeoutMs how long to wait at most
     * @return the prepared plan, or empty when it failed or is not ready within the time
     */
    Optional<Prepared> await(long timeoutMs) {
        try {
            return Optional.of(plan.get(timeoutMs, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            // a failure is the normal path's to report (the calibration task says what went wrong)
            return Optional.empty();
        }
    }
}
