package dev.kpp.app.ui;

import dev.kpp.app.AppContext;
import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.chart.LogChart;
import dev.kpp.app.ui.common.FxDialogService;
import dev.kpp.app.ui.common.FxTaskRunner;
import dev.kpp.app.ui.common.SettingsStore;
import dev.kpp.app.ui.common.Snapshots;
import dev.kpp.app.ui.inventory.FakeImporter;
import dev.kpp.app.ui.results.ModeRow;
import dev.kpp.app.ui.settings.ThemeChoice;
import dev.kpp.app.ui.theme.ThemeManager;
import dev.kpp.model.inventory.ProxyMode;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The window, headless (Monocle): sample at start, live slider, import with progress, readable errors. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PlannerWindowTest {
    private static final Path SHOTS = Path.of("target/screenshots");
    private final FakeImporter importer = new FakeImporter();
    private AppContext ctx;
    private Stage stage;
    private Scene scene;
    private ThemeManager theme;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ctx = new AppContext(SettingsStore.inMemory(), importer, new FxTaskRunner(2),
                new FxDialogService(() -> stage, Messages.english()), System::nanoTime);
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

    @Test
    void opensWithTheSampleAndShowsTableChartsAndCalibration(FxRobot robot) throws Exception {
        TableView<ModeRow> table = robot.lookup("#comparisonTable").queryTableView();
        waitFor(() -> table.getItems().size() == 4 && chart(robot, 0).dataProperty().get() != null);
        assertThat(robot.lookup("#inventoryTitle").queryAs(Label.class).getText()).isEqualTo("growth-4k");
        assertThat(chart(robot, 0).dataProperty().get().series()).hasSize(4);
        assertThat(robot.lookup("#headline").queryAs(Label.class).getText()).startsWith("4,000 Services");
        shot(scene.getRoot(), "main-light.png");

        robot.interact(() -> theme.apply(scene, ThemeChoice.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        shot(scene.getRoot(), "main-dark.png");
        robot.interact(() -> theme.apply(scene, ThemeChoice.LIGHT));

        robot.interact(() -> ctx.mainView().selectCalibration());
        waitFor(() -> robot.lookup("#calibrationChart").queryAs(LogChart.class).dataProperty().get() != null);
        TableView<?> residuals = robot.lookup("#residualTable").queryTableView();
        assertThat(residuals.getItems()).isNotEmpty();
        assertThat(robot.lookup("#fitQuality").queryAs(Label.class).getText()).contains("Leave-one-out");
        shot(scene.getRoot(), "calibration.png");
    }

    @Test
    void draggingTheServicesSliderUpdatesTableAndChartsWithoutBlocking(FxRobot robot) throws Exception {
        TableView<ModeRow> table = robot.lookup("#comparisonTable").queryTableView();
        waitFor(() -> table.getItems().size() == 4);
        Slider slider = robot.lookup("#slider-services").queryAs(Slider.class);
        robot.interact(() -> ctx.scenario().services().textProperty().set("100"));
        waitFor(() -> chart(robot, 0).dataProperty().get().marker() == 100);
        double rulesAt100 = iptablesRules(table);
        int before = ctx.results().latencies().size();

        // a drag: 60 slider positions from 100 to 50,000, one every ~16 ms (a 60 Hz mouse)
        double from = ctx.scenario().services().sliderProperty().get();
        double to = sliderPositionOf(50_000);
        for (int i = 1; i <= 60; i++) {
            double pos = from + (to - from) * i / 60.0;
            robot.interact(() -> slider.setValue(pos));
            Thread.sleep(16);
        }
        waitFor(() -> chart(robot, 0).dataProperty().get().marker() == 50_000);
        assertThat(iptablesRules(table)).isGreaterThan(rulesAt100 * 10);
        assertThat(robot.lookup("#input-services").queryTextInputControl().getText()).isEqualTo("50,000");

        List<Double> latencies = new ArrayList<>(ctx.results().latencies().subList(before,
                ctx.results().latencies().size()));
        assertThat(latencies).isNotEmpty();
        latencies.sort(Double::compare);
        double median = latencies.get(latencies.size() / 2);
        double max = latencies.get(latencies.size() - 1);
        Files.createDirectories(SHOTS);
        Files.writeString(Path.of("target/slider-latency.txt"), String.format(Locale.ROOT,
                "services slider 100 -> 50,000, 60 steps at ~60 Hz: %d redraws, input-to-chart median %.1f ms,"
                        + " max %.1f ms%n", latencies.size(), median, max));
        shot(scene.getRoot(), "after-services-slider.png");
    }

    @Test
    void anImportShowsProgressThenFillsTheInventoryPane(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#comparisonTable").queryTableView().getItems().size() == 4);
        CountDownLatch gate = new CountDownLatch(1);
        importer.gate = gate;
        robot.interact(() -> ctx.imports().importPaths(List.of(Path.of("cluster-2500.json"))));
        StatusBar status = robot.lookup(".kpp-status").queryAs(StatusBar.class);
        waitFor(() -> status.getProgress() > 0 && status.getText().contains("Services"));
        assertThat(status.getText()).startsWith("Importing cluster-2500.json: 625 Services");
        Button cancel = robot.lookup(".status-cancel").queryButton();
        assertThat(cancel.isVisible()).isTrue();
        shot(scene.getRoot(), "import-progress.png");
        gate.countDown();
        waitFor(() -> "cluster-2500.json".equals(robot.lookup("#inventoryTitle").queryAs(Label.class).getText()));
        waitFor(() -> ctx.results().rows().stream().anyMatch(ModeRow::detected));
        assertThat(ctx.session().inputsProperty().get().services()).isEqualTo(2_500);
        assertThat(status.getText()).contains("Imported cluster-2500.json");
        shot(scene.getRoot(), "after-import.png");
    }

    @Test
    void aBadFileShowsAReadableErrorDialogAndKeepsTheInventory(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#comparisonTable").queryTableView().getItems().size() == 4);
        robot.interact(() -> ctx.imports().importPaths(List.of(Path.of("bad-dump.json"))));
        waitFor(() -> robot.listWindows().size() > 1);
        Window dialog = robot.listWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
        DialogPane pane = (DialogPane) dialog.getScene().getRoot();
        assertThat(pane.getHeaderText()).isEqualTo("Could not import bad-dump.json");
        assertThat(pane.getContentText()).contains("bad-dump.json, line 3, column 14: expected a Kubernetes List")
                .contains("growth-4k is still loaded").doesNotContain("Exception");
        shot(pane, "import-error.png");
        robot.interact(() -> ((Button) pane.lookupButton(pane.getButtonTypes().get(0))).fire());
        waitFor(() -> robot.listWindows().size() == 1);
        assertThat(robot.lookup("#inventoryTitle").queryAs(Label.class).getText()).isEqualTo("growth-4k");
    }

    private double sliderPositionOf(double services) {
        double lo = Math.log10(10);
        return (Math.log10(services) - lo) / (Math.log10(200_000) - lo);
    }

    private static double iptablesRules(TableView<ModeRow> table) {
        return table.getItems().stream().filter(r -> r.mode() == ProxyMode.IPTABLES).findFirst().orElseThrow()
                .values().get("rulesPerConnection").value();
    }

    private static LogChart chart(FxRobot robot, int i) {
        return robot.lookup("#chart-" + i).queryAs(LogChart.class);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shot(Node node, String name) throws IOException {
        byte[][] png = new byte[1][];
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            png[0] = Snapshots.png(node, 1);
        }));
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name), png[0]);
    }
}
