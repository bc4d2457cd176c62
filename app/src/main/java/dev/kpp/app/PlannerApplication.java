package dev.kpp.app;

import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.chart.ChartImages;
import dev.kpp.app.ui.chart.LogChart;
import dev.kpp.app.ui.common.FxClipboard;
import dev.kpp.app.ui.common.FxDialogService;
import dev.kpp.app.ui.common.FxTaskRunner;
import dev.kpp.app.ui.common.SettingsStore;
import dev.kpp.app.ui.main.MainView;
import dev.kpp.app.ui.settings.WindowState;
import dev.kpp.app.ui.theme.ThemeManager;
import dev.kpp.importer.Importers;
import dev.kpp.model.calibration.Calibration;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** The planner window: builds the {@link AppContext}, the scene, the theme and the window state. */
public final class PlannerApplication extends Application {
    /** How long the first frame may wait for the start-up plan before it shows without the charts. */
    private static final long STARTUP_PLAN_WAIT_MS = 1_500;
    /** Begun by the launcher before JavaFX starts (JavaFX creates this class, so it is handed over here). */
    private static volatile StartupPlan startupPlan;
    private AppContext context;

    /** Asked of the desktop before JavaFX starts (it runs a process on Linux). */
    private static volatile CompletableFuture<Boolean> systemDark;

    /**
     * Starts the calibration and the first plan on another core, and asks the desktop whether it prefers a
     * dark theme; called before JavaFX starts.
     */
    static void prepare() {
        startupPlan = AppContext.beginStartupPlan(Calibration::embedded);
        systemDark = askSystemDark();
    }

    private static CompletableFuture<Boolean> askSystemDark() {
        CompletableFuture<Boolean> dark = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                dark.complete(ThemeManager.detectSystemDark());
            } finally {
                dark.complete(false); // what it answers when the desktop cannot be asked
            }
        }, "kpp-system-theme");
        t.setDaemon(true);
        t.start();
        return dark;
    }

    @Override
    public void start(Stage stage) {
        StartupTiming timing = StartupTiming.fromSystemProperty();
        timing.mark("JavaFX started");
        StartupPlan startup = startupPlan != null ? startupPlan : AppContext.beginStartupPlan(Calibration::embedded);
        CompletableFuture<Boolean> dark = systemDark != null ? systemDark : askSystemDark();
        startupPlan = null;
        systemDark = null;
        SettingsStore store = SettingsStore.userPreferences();
        Messages messages = new Messages(Locale.getDefault());
        context = new AppContext(store, Importers.defaults(), new FxTaskRunner(2),
                new FxDialogService(() -> stage, messages), new FxClipboard(),
                new ChartImages(ThemeManager.lightStylesheets()), System::nanoTime, java.time.Clock.systemUTC(),
                startup::calibration);
        // the theme before the first control, so that JavaFX never loads Modena (docs/adr/0106)
        ThemeManager theme = new ThemeManager(dark.join());
        theme.applyUserAgent(context.settings().themeProperty().get());
        Parent root = context.loadMainView();
        timing.mark("views loaded");
        context.useStartupPlan(startup, STARTUP_PLAN_WAIT_MS);
        timing.mark("plan applied");
        MainView view = context.mainView();
        Scene scene = new Scene(root);
        theme.setOnApplied(view::showDarkApplied);
        theme.apply(scene, context.settings().themeProperty().get());
        context.settings().themeProperty().addListener((obs, o, n) -> theme.apply(scene, n));

        WindowState windowState = new WindowState(store);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.titleProperty().bind(context.main().titleBinding());
        stage.setScene(scene);
        windowState.restore(stage);
        view.setCloser(() -> {
            windowState.save(stage);
            stage.close();
        });
        stage.setOnCloseRequest(e -> {
            e.consume();
            view.requestClose();
        });
        timing.mark("theme applied");
        stage.show();
        timing.mark("window shown");
        if (timing.enabled()) {
            reportFirstChart(scene, timing);
        }
    }

    /** -Dkpp.startupTiming=true: prints when the first chart is drawn, in ms since the JVM started. */
    private static void reportFirstChart(Scene scene, StartupTiming timing) {
        Runnable[] check = new Runnable[1];
        boolean[] firstPulse = {true};
        check[0] = () -> {
            if (firstPulse[0]) {
                firstPulse[0] = false;
                timing.mark("first pulse laid out");
            }
            // a chart the user sees: with data, laid out, and shown with all its ancestors (the Calibration tab's
            // chart, drawn as soon as the fit is in, sits in a hidden tab until that tab is chosen)
            boolean drawn = scene.getRoot().lookupAll(".log-chart").stream().anyMatch(n -> n instanceof LogChart c
                    && c.dataProperty().get() != null && c.getWidth() > 0 && c.getScene() != null && shown(c));
            if (drawn) {
                scene.removePostLayoutPulseListener(check[0]);
                long cpu = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1_000_000 : -1;
                System.err.println("kpp: first chart drawn " + timing.sinceJvmStart()
                        + " ms after the JVM started (" + cpu + " ms of CPU)");
                System.err.println("kpp: start-up phases (ms after the JVM started): " + timing.phases());
                if (Boolean.getBoolean("kpp.exitAfterFirstChart")) {
                    javafx.application.Platform.exit();
                }
            }
        };
        scene.addPostLayoutPulseListener(check[0]);
    }

    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
