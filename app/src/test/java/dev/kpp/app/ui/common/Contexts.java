package dev.kpp.app.ui.common;

import dev.kpp.app.AppContext;
import dev.kpp.app.ui.chart.ChartRenderer;
import dev.kpp.app.ui.settings.ThemeChoice;
import dev.kpp.app.ui.theme.ThemeManager;
import dev.kpp.importer.spi.InventoryImporter;
import dev.kpp.model.calibration.Calibration;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.charset.StandardCharsets;

/** Builds the composition root for tests: in-memory settings, the embedded calibration, given fakes. */
public final class Contexts {
    /** A renderer for ViewModel tests: names what it was asked to render. */
    public static final ChartRenderer NAMING_RENDERER = (charts, format, size) -> (format + " " + size.width() + "x"
            + size.height() + " " + charts.stream().map(c -> c.title()).toList()).getBytes(StandardCharsets.UTF_8);

    private Contexts() {
    }

    /** @return a context over the given importer, runner and dialogs */
    public static AppContext context(InventoryImporter importer, TaskRunner runner, DialogService dialogs,
                                     ClipboardService clipboard, ChartRenderer charts) {
        return new AppContext(SettingsStore.inMemory(), importer, runner, dialogs, clipboard, charts, System::nanoTime,
                java.time.Clock.systemUTC(), Calibration::embedded);
    }

    /** @return a synchronous context (ViewModel tests) */
    public static AppContext immediate(InventoryImporter importer, FakeDialogs dialogs, FakeClipboard clipboard) {
        return context(importer, new ImmediateTaskRunner(), dialogs, clipboard, NAMING_RENDERER);
    }

    /** Shows a view in the stage at a size, in a theme (on a desktop with a light preference); @return its scene */
    public static Scene show(Stage stage, Parent root, double width, double height, ThemeChoice theme) {
        Scene scene = new Scene(root, width, height);
        new ThemeManager(false).apply(scene, theme);
        stage.setScene(scene);
        stage.show();
        return scene;
    }
}
