package dev.kpp.app.ui;

import dev.kpp.app.AppContext;
import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.chart.ChartImages;
import dev.kpp.app.ui.common.Contexts;
import dev.kpp.app.ui.common.FakeClipboard;
import dev.kpp.app.ui.common.FxDialogService;
import dev.kpp.app.ui.common.FxTaskRunner;
import dev.kpp.app.ui.theme.ThemeManager;
import dev.kpp.importer.Importers;
import dev.kpp.importer.file.DumpGenerator;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ProgressListener;
import dev.kpp.model.scenario.ScenarioParams;
import javafx.animation.AnimationTimer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window with the real importer: a generated 10,000-service / 100,000-endpoint kubectl dump
 * imports with progress and running counts while the FX thread keeps rendering frames, and a
 * truncated dump is reported without losing the loaded inventory. Frame gaps are recorded in
 * {@code target/import-responsiveness.txt} (measured, not asserted: timings belong to benchmarks).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RealImportWindowTest {
    private static Path dump;
    private static Path truncated;
    private AppContext ctx;
    private Stage stage;

    @BeforeAll
    static void generate() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/real-import"));
        dump = dir.resolve("cluster-10k.json");
        if (!Files.exists(dump)) {
            ScenarioParams p = ScenarioParams.defaults().withServices(10_000).withEndpointsPerService(10)
                    .withNodes(100);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dump))) {
                DumpGenerator.write(p, out, ProgressListener.NONE, Cancellation.NEVER);
            }
        }
        truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [ {\"kind\": \"Service\",",
                StandardCharsets.UTF_8);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ctx = Contexts.context(Importers.defaults(), new FxTaskRunner(2),
                new FxDialogService(() -> stage, Messages.english()), new FakeClipboard(),
                new ChartImages(ThemeManager.lightStylesheets()));
        Parent root = ctx.loadMainView();
        stage.setScene(new Scene(root, 1600, 1000));
        stage.show();
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    @Test
    void theGenerated10kDumpImportsWithProgressAndCountsWhileFramesKeepComing(FxRobot robot) throws Exception {
        waitFor(() -> !ctx.results().rows().isEmpty());
        StatusBar status = robot.lookup(".kpp-status").queryAs(StatusBar.class);
        Set<Double> progress = ConcurrentHashMap.newKeySet();
        Set<String> texts = ConcurrentHashMap.newKeySet();
        long[] frames = new long[3]; // count, last nanos, max gap nanos
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (frames[1] != 0) {
                    frames[2] = Math.max(frames[2], now - frames[1]);
                }
                frames[1] = now;
                frames[0]++;
            }
        };
        robot.interact(() -> {
            status.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
            status.textProperty().addListener((o, a, b) -> texts.add(b));
            timer.start();
        });
        long t0 = System.nanoTime();
        robot.interact(() -> ctx.imports().importPaths(List.of(dump)));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> ctx.session().inputsProperty().get().services() == 10_000);
        long elapsed = System.nanoTime() - t0;
        robot.interact(timer::stop);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#inventoryTitle").queryAs(Label.class).getText()).isEqualTo("cluster-10k");
        assertThat(progress.stream().filter(v -> v > 0 && v < 1).count()).as("intermediate progress values")
                .isGreaterThan(3);
        assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("Importing cluster-10k.json:").contains("Services"));
        assertThat(frames[0]).as("frames rendered during the import").isGreaterThan(10);
        Files.writeString(Path.of("target/import-responsiveness.txt"), String.format(Locale.ROOT,
                "import of a generated 10,000-service / 100,000-endpoint dump (%,d bytes) in the window: %.2f s; "
                        + "%d frames rendered meanwhile, longest gap between frames %.0f ms; %d progress updates%n",
                Files.size(dump), elapsed / 1e9, frames[0], frames[2] / 1e6, progress.size()));
    }

    @Test
    void aTruncatedDumpSaysItLooksTruncatedWithoutParserInternalsAndKeepsTheSample(FxRobot robot) throws Exception {
        waitFor(() -> !ctx.results().rows().isEmpty());
        robot.interact(() -> ctx.imports().importPaths(List.of(truncated)));
        waitFor(() -> robot.listWindows().size() > 1);
        Window dialog = robot.listWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
        DialogPane pane = (DialogPane) dialog.getScene().getRoot();
        assertThat(pane.getContentText()).contains("truncated.json:1:").contains("it looks truncated")
                .contains("[truncated]").contains("growth-4k is still loaded")
                .doesNotContain("Exception", "StreamReadFeature", "REDACTED", "[Source:");
        dev.kpp.app.ui.common.WindowTests.shot(pane, "truncated-file-dialog.png");
        robot.interact(() -> ((javafx.scene.control.Button) pane.lookupButton(pane.getButtonTypes().get(0))).fire());
        waitFor(() -> robot.listWindows().size() == 1);
        assertThat(robot.lookup("#inventoryTitle").queryAs(Label.class).getText()).isEqualTo("growth-4k");
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
