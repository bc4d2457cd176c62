package dev.kpp.app.ui;

import dev.kpp.app.AppContext;
import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.chart.ChartImages;
import dev.kpp.app.ui.chart.LogChart;
import dev.kpp.app.ui.common.Contexts;
import dev.kpp.app.ui.common.FakeClipboard;
import dev.kpp.app.ui.common.FxDialogService;
import dev.kpp.app.ui.common.FxTaskRunner;
import dev.kpp.app.ui.inventory.FakeImporter;
import dev.kpp.app.ui.results.ModeColumn;
import dev.kpp.app.ui.settings.ThemeChoice;
import dev.kpp.app.ui.theme.ThemeManager;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Metric;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import static dev.kpp.app.ui.common.WindowTests.SHOTS;
import static dev.kpp.app.ui.common.WindowTests.shot;
import static dev.kpp.app.ui.common.WindowTests.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The window, headless (Monocle): sample at start, live slider, import with progress, readable errors, hover. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PlannerWindowTest {
    private final FakeImporter importer = new FakeImporter();
    private AppContext ctx;
    private Stage stage;
    private Scene scene;
    private ThemeManager theme;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ctx = Contexts.context(importer, new FxTaskRunner(2), new FxDialogService(() -> stage, Messages.english()),
                new FakeClipboard(), new ChartImages(ThemeManager.lightStylesheets()));
        Parent root = ctx.loadMainView();
        scene = new Scene(root, 1600, 1000);
        theme = new ThemeManager(false);
        theme.apply(scene, ThemeChoice.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    private void planned(FxRobot robot) throws Exception {
        waitFor(() -> ctx.results().rows().size() == 6 && chart(robot, 0).dataProperty().get() != null);
    }

    @Test
    void opensWithTheSampleAndShowsComparisonChartsAndCalibration(FxRobot robot) throws Exception {
        planned(robot);
        assertThat(robot.lookup("#inventoryTitle").queryAs(Label.class).getText()).isEqualTo("growth-4k");
        assertThat(chart(robot, 0).dataProperty().get().series()).hasSize(4);
        assertThat(robot.lookup("#headline").queryAs(Label.class).getText()).startsWith("4,000 Services");
        assertThat(robot.lookup("#calicoAddOn").queryAs(Label.class).getText()).startsWith("Calico policy chains");
        shot(scene.getRoot(), "main-light.png");

        robot.interact(() -> theme.apply(scene, ThemeChoice.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        shot(scene.getRoot(), "main-dark.png");
        robot.interact(() -> theme.apply(scene, ThemeChoice.LIGHT));

        robot.interact(() -> ctx.mainView().selectCalibration());
        waitFor(() -> robot.lookup("#calibrationChart").queryAs(LogChart.class).dataProperty().get() != null);
        assertThat(robot.lookup("#residualTable").queryTableView().getItems()).isNotEmpty();
        assertThat(robot.lookup("#fitQuality").queryAs(Label.class).getText()).contains("Leave-one-out");
        assertThat(ctx.calibration().informsProperty().get()).contains("inform the current prediction");
        shot(scene.getRoot(), "calibration.png");
    }

    @Test
    void draggingTheServicesSliderUpdatesTheComparisonAndChartsWithoutBlocking(FxRobot robot) throws Exception {
        planned(robot);
        Slider slider = robot.lookup("#slider-services").queryAs(Slider.class);
        robot.interact(() -> ctx.scenario().services().textProperty().set("100"));
        waitFor(() -> chart(robot, 0).dataProperty().get().marker() == 100);
        double rulesAt100 = iptablesRules();
        int before = ctx.results().latencies().size();

        // a drag: 60 slider positions from 100 to 50,000, one every ~16 ms (a 60 Hz mouse)
        double from = ctx.scenario().services().sliderProperty().get();
        double to = (Math.log10(50_000) - 1) / (Math.log10(200_000) - 1);
        for (int i = 1; i <= 60; i++) {
            double pos = from + (to - from) * i / 60.0;
            robot.interact(() -> slider.setValue(pos));
            Thread.sleep(16);
        }
        waitFor(() -> chart(robot, 0).dataProperty().get().marker() == 50_000);
        assertThat(iptablesRules()).isGreaterThan(rulesAt100 * 10);
        assertThat(robot.lookup("#input-services").queryTextInputControl().getText()).isEqualTo("50,000");

        List<Double> latencies = new ArrayList<>(ctx.results().latencies().subList(before,
                ctx.results().latencies().size()));
        assertThat(latencies).isNotEmpty();
        latencies.sort(Double::compare);
        Files.createDirectories(SHOTS);
        Files.writeString(Path.of("target/slider-latency.txt"), String.format(Locale.ROOT,
                "services slider 100 -> 50,000, 60 steps at ~60 Hz: %d redraws, input-to-chart median %.1f ms,"
                        + " max %.1f ms%n", latencies.size(), latencies.get(latencies.size() / 2),
                latencies.get(latencies.size() - 1)));
        assertThat(robot.lookup(".kpp-status").queryAs(StatusBar.class).getText()).doesNotContain(" ms");
    }

    @Test
    void anImportShowsProgressThenFillsTheInventoryPaneAndMarksTheModeInUse(FxRobot robot) throws Exception {
        planned(robot);
        CountDownLatch gate = new CountDownLatch(1);
        importer.gate = gate;
        robot.interact(() -> ctx.imports().importPaths(List.of(Path.of("cluster-2500.json"))));
        StatusBar status = robot.lookup(".kpp-status").queryAs(StatusBar.class);
        waitFor(() -> status.getProgress() > 0 && status.getText().contains("Services"));
        assertThat(status.getText()).startsWith("Importing cluster-2500.json: 625 Services");
        assertThat(robot.lookup(".status-cancel").queryButton().isVisible()).isTrue();
        shot(scene.getRoot(), "import-progress.png");
        gate.countDown();
        waitFor(() -> "cluster-2500.json".equals(robot.lookup("#inventoryTitle").queryAs(Label.class).getText()));
        waitFor(() -> ctx.results().modes().stream().anyMatch(ModeColumn::inUse));
        assertThat(ctx.results().modes()).filteredOn(ModeColumn::inUse).extracting(ModeColumn::mode)
                .containsExactly(ProxyMode.IPVS);
        assertThat(ctx.session().inputsProperty().get().services()).isEqualTo(2_500);
        assertThat(status.getText()).contains("Imported cluster-2500.json");
        assertThat(robot.lookup("#input-nodePortShare").queryTextInputControl().isDisabled()).isTrue();
        shot(scene.getRoot(), "after-import.png");
    }

    @Test
    void aBadFileShowsAReadableErrorDialogAndKeepsTheInventory(FxRobot robot) throws Exception {
        planned(robot);
        robot.interact(() -> ctx.imports().importPaths(List.of(Path.of("bad-dump.json"))));
        waitFor(() -> robot.listWindows().size() > 1);
        Window dialog = robot.listWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
        DialogPane pane = (DialogPane) dialog.getScene().getRoot();
        assertThat(pane.getHeaderText()).isEqualTo("Could not import bad-dump.json");
        assertThat(pane.getContentText()).contains("bad-dump.json:3:14: neither a Kubernetes object")
                .contains("growth-4k is still loaded").doesNotContain("Exception", "not kubernetes");
        shot(pane, "import-error.png");
        robot.interact(() -> ((Button) pane.lookupButton(pane.getButtonTypes().get(0))).fire());
        waitFor(() -> robot.listWindows().size() == 1);
        assertThat(robot.lookup("#inventoryTitle").queryAs(Label.class).getText()).isEqualTo("growth-4k");
        // the failure is the status until the next edit
        assertThat(robot.lookup(".kpp-status").queryAs(StatusBar.class).getText()).startsWith("Import failed");
        robot.interact(() -> ctx.scenario().services().textProperty().set("5000"));
        assertThat(robot.lookup(".kpp-status").queryAs(StatusBar.class).getText()).isEqualTo("Ready");
    }

    @Test
    void typingAnInvalidValueExplainsItUnderTheField(FxRobot robot) throws Exception {
        planned(robot);
        javafx.scene.control.TextField nodes = robot.lookup("#input-nodes").queryAs(javafx.scene.control.TextField.class);
        robot.clickOn(nodes);
        robot.interact(nodes::selectAll);
        robot.write("abc");
        Label error = robot.lookup("#error-nodes").queryAs(Label.class);
        waitFor(error::isVisible);
        assertThat(error.getText()).isEqualTo("Nodes must be a number such as 12000, 12,000 or 12k (got 'abc')");
        robot.interact(nodes::selectAll);
        robot.write("2500").type(javafx.scene.input.KeyCode.ENTER);
        waitFor(() -> !error.isVisible());
        assertThat(robot.lookup("#input-nodes").queryTextInputControl().getText()).isEqualTo("2,500");
        shot(scene.getRoot(), "input-error.png");
    }

    @Test
    void theHoverReadoutNamesUnitsAndStaysInsideItsChart(FxRobot robot) throws Exception {
        planned(robot);
        LogChart sync = chart(robot, 1);
        Bounds b = sync.localToScreen(sync.getBoundsInLocal());
        robot.moveTo(b.getMaxX() - 20, b.getMaxY() - 50);
        waitFor(() -> !sync.readoutText().isEmpty());
        assertThat(sync.readoutText()).contains("Services").containsPattern("iptables: [0-9.,]+ (ms|s|min)");
        Node readout = sync.lookup(".chart-readout");
        Bounds r = readout.getBoundsInParent();
        assertThat(r.getMinX()).isGreaterThanOrEqualTo(0);
        assertThat(r.getMinY()).isGreaterThanOrEqualTo(0);
        assertThat(r.getMaxX()).isLessThanOrEqualTo(sync.getWidth());
        assertThat(r.getMaxY()).isLessThanOrEqualTo(sync.getHeight());
        shot(sync.getParent(), "hover-readout.png");
    }

    private double iptablesRules() {
        return Metric.RULES_PER_CONNECTION.of(ctx.session().planProperty().get().current().mode(ProxyMode.IPTABLES))
                .value();
    }

    private static LogChart chart(FxRobot robot, int i) {
        return robot.lookup("#chart-" + i).queryAs(LogChart.class);
    }
}
