package dev.kpp.app;

import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.plan.MetricCatalog;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartupPlanTest {
    @Test
    void plansExactlyWhatAFirstLaunchsSessionAsksFor() {
        StartupPlan startup = AppContext.beginStartupPlan(Calibration::embedded);
        StartupPlan.Prepared p = startup.await(60_000).orElseThrow();
        PlannerSession session = new PlannerSession(AppContext.startSample(), MetricCatalog.defaultBudgets());
        assertThat(p.input()).isEqualTo(session.planInput());
        assertThat(p.budgets()).isEqualTo(session.budgetsProperty().get());
        assertThat(p.plan().current().scenario()).isEqualTo(session.inputsProperty().get());
        assertThat(startup.calibration()).isSameAs(p.calibration());
        assertThat(p.planner().plan(p.input(), p.budgets(), () -> false).current().modes())
                .isEqualTo(p.plan().current().modes());
    }

    @Test
    void aFailedFitLeavesNoPlanAndTheCalibrationCallThrowsWhatTheFitThrew() {
        IllegalStateException boom = new IllegalStateException("no dataset");
        StartupPlan startup = AppContext.beginStartupPlan(() -> {
            throw boom;
        });
        assertThat(startup.await(60_000)).isEmpty();
        assertThatThrownBy(startup::calibration).isSameAs(boom);
    }

    @Test
    void aPlanNotReadyInTimeIsNotWaitedFor() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        StartupPlan startup = AppContext.beginStartupPlan(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Calibration.embedded();
        });
        assertThat(startup.await(50)).isEmpty();
        release.countDown();
        assertThat(startup.await(60_000)).isPresent();
    }
}
