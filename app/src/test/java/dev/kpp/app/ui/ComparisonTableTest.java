package dev.kpp.app.ui;

import dev.kpp.app.AppContext;
import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.chart.ChartImages;
import dev.kpp.app.ui.common.Contexts;
import dev.kpp.app.ui.common.FakeClipboard;
import dev.kpp.app.ui.common.FxDialogService;
import dev.kpp.app.ui.common.FxTaskRunner;
import dev.kpp.app.ui.inventory.FakeImporter;
import dev.kpp.app.ui.results.ComparisonRow;
import dev.kpp.app.ui.settings.ThemeChoice;
import dev.kpp.app.ui.theme.ThemeManager;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Metric;
import dev.kpp.model.plan.MetricCatalog;
import dev.kpp.model.scenario.Samples;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static dev.kpp.app.ui.common.WindowTests.shot;
import static dev.kpp.app.ui.common.WindowTests.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison at 1280x720 (defects 1 and 2 of issue 8): every mode and the headline metrics
 * are visible, the mode names stay at the top while the rows scroll, and no sequence of mouse-wheel
 * notches, edits, Reset, sample or tab switches ever loses a row.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ComparisonTableTest {
    private AppContext ctx;
    private Scene scene;

    @Start
    void start(Stage stage) {
        ctx = Contexts.context(new FakeImporter(), new FxTaskRunner(2), new FxDialogService(() -> stage,
                Messages.english()), new FakeClipboard(), new ChartImages(ThemeManager.lightStylesheets()));
        scene = Contexts.show(stage, ctx.loadMainView(), 1280, 720, ThemeChoice.LIGHT);
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    @Test
    void atWindowSize1280x720EveryModeAndEveryHeadlineMetricIsVisible(FxRobot robot) throws Exception {
        waitFor(() -> ctx.results().rows().size() == MetricCatalog.headline().size());
        Bounds window = new javafx.geometry.BoundingBox(0, 0, 1280, 720);
        ScrollPane viewport = robot.lookup("#comparisonScroll").queryAs(ScrollPane.class);
        Bounds view = viewport.localToScene(viewport.getLayoutBounds());
        for (ProxyMode m : ProxyMode.values()) {
            Node header = robot.lookup("#mode-" + m.id()).query();
            Bounds b = header.localToScene(header.getBoundsInLocal());
            assertThat(window.contains(b)).as("%s header %s inside the window", m, b).isTrue();
            assertThat(view.contains(b)).as("%s header inside the comparison", m).isTrue();
            Label name = (Label) ((javafx.scene.layout.HBox) header).getChildren().get(1);
            Text shown = (Text) name.lookup(".text");
            assertThat(shown.getText()).as("mode name not cut").isEqualTo(name.getText());
        }
        for (Metric metric : MetricCatalog.headline()) {
            for (ProxyMode m : ProxyMode.values()) {
                Node cell = robot.lookup("#cell-" + metric.key() + "-" + m.id()).query();
                Bounds b = cell.localToScene(cell.getBoundsInLocal());
                assertThat(window.contains(b)).as("%s of %s at %s inside the window", metric, m, b).isTrue();
                assertThat(view.contains(b)).as("%s of %s inside the comparison", metric, m).isTrue();
            }
        }
        shot(scene.getRoot(), "comparison-1280x720.png");

        // all metrics: the rows scroll under the mode names, which stay in view
        robot.clickOn("#allMetrics");
        waitFor(() -> ctx.results().rows().size() == MetricCatalog.all().size());
        wheel(robot, "#comparisonTable", 15);
        waitFor(() -> viewport.getVvalue() > 0.99);
        Bounds scrolled = viewport.localToScene(viewport.getLayoutBounds());
        ScrollPane results = robot.lookup("#resultsScroll").queryAs(ScrollPane.class);
        Bounds shown = results.localToScene(results.getLayoutBounds());
        for (ProxyMode m : ProxyMode.values()) {
            Node header = robot.lookup("#mode-" + m.id()).query();
            Bounds b = header.localToScene(header.getBoundsInLocal());
            assertThat(b.getMinY()).as("%s header stays at the top", m).isBetween(scrolled.getMinY(),
                    scrolled.getMinY() + 40);
            assertThat(shown.contains(b)).as("%s header within the results pane's view", m).isTrue();
        }
        Node last = robot.lookup("#cell-" + Metric.SYNC_OBJECTS_COLD_START.key() + "-ebpf").query();
        assertThat(scrolled.contains(last.localToScene(last.getBoundsInLocal()))).isTrue();
        shot(scene.getRoot(), "comparison-all-metrics-scrolled.png");
    }

    @Test
    void mouseWheelNotchesThenEditsResetSampleAndTabSwitchesNeverLoseARow(FxRobot robot) throws Exception {
        waitFor(() -> ctx.results().rows().size() == MetricCatalog.headline().size());
        TextField services = robot.lookup("#input-services").queryAs(TextField.class);
        long value = 12_000;
        for (int notches = 1; notches <= 3; notches++) {
            wheel(robot, "#comparisonTable", notches);
            wheel(robot, "#comparisonTable", -notches);
            wheel(robot, "#comparisonTable", notches);
            type(robot, services, Long.toString(value));
            long expected = value;
            waitFor(() -> ctx.session().planProperty().get().current().scenario().services() == expected);
            assertEveryRowAndMode(robot, "after " + notches + " notch(es) and Services " + value);
            assertThat(services.getText()).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", value));
            value += 1_000;
        }
        // the headline rows fit, so the wheel scrolled the results pane: back to its top
        wheel(robot, "#comparisonTable", -20);
        robot.clickOn("#allMetrics");
        waitFor(() -> ctx.results().rows().size() == MetricCatalog.all().size());
        ScrollPane viewport = robot.lookup("#comparisonScroll").queryAs(ScrollPane.class);
        wheel(robot, "#comparisonTable", 5);
        waitFor(() -> viewport.getVvalue() > 0);
        type(robot, services, "16000");
        waitFor(() -> ctx.session().planProperty().get().current().scenario().services() == 16_000);
        assertEveryRowAndMode(robot, "all metrics, scrolled, Services 16,000");
        wheel(robot, "#comparisonTable", -40);
        robot.clickOn("#allMetrics");

        robot.clickOn("#resetInputs");
        waitFor(() -> ctx.session().planProperty().get().current().scenario().services() == 4_000);
        assertEveryRowAndMode(robot, "after Reset");

        robot.interact(() -> ctx.main().newFromSample(Samples.byName("tigera-10k").orElseThrow()));
        waitFor(() -> ctx.session().planProperty().get().current().scenario().services() == 10_000);
        assertEveryRowAndMode(robot, "after switching sample");

        robot.interact(() -> ctx.mainView().selectCalibration());
        wheel(robot, "#residualTable", 3);
        robot.interact(() -> ctx.mainView().selectPlan());
        waitFor(() -> robot.lookup("#comparisonTable").query().isVisible());
        assertEveryRowAndMode(robot, "after switching tabs");
    }

    /**
     * Mouse-wheel notches over a node: the pointer moves there and each notch is a scroll event of
     * one wheel step (40 px, what a desktop mouse sends) delivered at the pointer, as the platform
     * would; negative notches scroll up. (Monocle's robot moves the pointer but sends no wheel steps.)
     */
    private static void wheel(FxRobot robot, String query, int notches) {
        Node target = robot.lookup(query).query();
        robot.moveTo(target);
        robot.interact(() -> {
            Bounds b = target.localToScene(target.getLayoutBounds());
            double x = b.getCenterX();
            double y = b.getCenterY();
            javafx.geometry.Point2D screen = target.localToScreen(target.getLayoutBounds().getWidth() / 2,
                    target.getLayoutBounds().getHeight() / 2);
            for (int i = 0; i < Math.abs(notches); i++) {
                double dy = notches > 0 ? -40 : 40;
                javafx.scene.input.PickResult pick = new javafx.scene.input.PickResult(target, x, y);
                javafx.event.Event.fireEvent(target, new javafx.scene.input.ScrollEvent(
                        javafx.scene.input.ScrollEvent.SCROLL, x, y, screen.getX(), screen.getY(), false, false, false,
                        false, false, false, 0, dy, 0, dy, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE,
                        0, javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, pick));
            }
        });
    }

    private static void type(FxRobot robot, TextField field, String text) {
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text).type(KeyCode.ENTER);
    }

    private void assertEveryRowAndMode(FxRobot robot, String when) {
        List<ComparisonRow> rows = ctx.results().rows();
        assertThat(rows).as(when).hasSize(ctx.results().shownMetrics().size());
        for (ProxyMode m : ProxyMode.values()) {
            Node header = robot.lookup("#mode-" + m.id()).query();
            assertThat(header).as("%s: header of %s", when, m).isNotNull();
            assertThat(header.isVisible()).isTrue();
        }
        for (ComparisonRow r : rows) {
            for (ProxyMode m : ProxyMode.values()) {
                Node cell = robot.lookup("#cell-" + r.metric().key() + "-" + m.id()).query();
                assertThat(cell).as("%s: %s of %s", when, r.metric(), m).isNotNull();
                assertThat(cell.isVisible() && cell.getLayoutBounds().getHeight() > 0).as("%s: %s of %s shown", when,
                        r.metric(), m).isTrue();
                Label value = (Label) ((javafx.scene.layout.HBox) ((javafx.scene.layout.VBox) cell).getChildren().get(0))
                        .getChildren().stream().filter(n -> n instanceof Label l && l.getStyleClass()
                                .contains("metric-value")).findFirst().orElseThrow();
                assertThat(value.getText()).isEqualTo(r.cell(m).value());
            }
        }
    }
}
