package dev.kpp.app;

import dev.kpp.app.ui.chart.LogChart;
import dev.kpp.app.ui.common.Contexts;
import dev.kpp.app.ui.common.FakeClipboard;
import dev.kpp.app.ui.common.FakeDialogs;
import dev.kpp.app.ui.common.HeldTaskRunner;
import dev.kpp.app.ui.common.SettingsStore;
import dev.kpp.app.ui.settings.ThemeChoice;
import dev.kpp.model.calibration.Calibration;
import javafx.scene.Parent;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window's start-up (docs/adr/0106): with the start-up plan, the first layout already has the plan and its
 * charts before any background task has run; the Calibration and Advice tabs build their views when chosen.
 */
@ExtendWith(ApplicationExtension.class)
class WindowStartTest {
    /** Keeps every task and runs none: whatever the window shows came without them. */
    private final HeldTaskRunner tasks = new HeldTaskRunner();
    private AppContext ctx;
    private Parent root;

    @Start
    void start(Stage stage) {
        StartupPlan startup = AppContext.beginStartupPlan(Calibration::embedded);
        ctx = new AppContext(SettingsStore.inMemory(), null, tasks, new FakeDialogs(), new FakeClipboard(),
                (charts, format, size) -> new byte[0], System::nanoTime, java.time.Clock.systemUTC(),
                startup::calibration);
        root = ctx.loadMainView();
        ctx.useStartupPlan(startup, 60_000);
        Contexts.show(stage, root, 1280, 720, ThemeChoice.LIGHT);
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    @Test
    void theFirstFrameHasThePlanAndItsChartsWithoutABackgroundTask(FxRobot robot) {
        assertThat(tasks.held).as("only the calibration task was started, and it never ran").hasSize(1);
        assertThat(ctx.session().planProperty().get()).isNotNull();
        assertThat(ctx.results().rows()).isNotEmpty();
        for (int i = 0; i < 4; i++) {
            LogChart chart = robot.lookup("#chart-" + i).queryAs(LogChart.class);
            assertThat(chart.dataProperty().get()).as("chart %d", i).isNotNull();
            assertThat(chart.getWidth()).as("chart %d laid out", i).isPositive();
        }
    }

    @Test
    void theCalibrationAndAdviceTabsBuildTheirViewsWhenChosen(FxRobot robot) {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs().get(1).getContent()).as("Calibration before it is chosen").isNull();
        assertThat(tabs.getTabs().get(2).getContent()).as("Advice before it is chosen").isNull();
        assertThat(ctx.advice().activeProperty().get()).as("the Advice panel idles while hidden").isFalse();
        robot.interact(() -> ctx.mainView().selectCalibration());
        assertThat(tabs.getTabs().get(1).getContent()).isNotNull();
        LogChart calibration = robot.lookup("#calibrationChart").queryAs(LogChart.class);
        assertThat(calibration.dataProperty().get()).as("the fit is in: the chart has its points").isNotNull();
        robot.interact(() -> ctx.mainView().selectAdvice());
        assertThat(tabs.getTabs().get(2).getContent()).isNotNull();
        assertThat(ctx.advice().activeProperty().get()).isTrue();
        javafx.scene.Node advice = tabs.getTabs().get(2).getContent();
        robot.interact(() -> ctx.mainView().selectPlan());
        assertThat(ctx.advice().activeProperty().get()).isFalse();
        robot.interact(() -> ctx.mainView().selectAdvice());
        assertThat(tabs.getTabs().get(2).getContent()).as("built once, kept").isSameAs(advice);
    }
}
