package dev.kpp.app;

import dev.kpp.app.text.Messages;
import dev.kpp.app.text.Texts;
import dev.kpp.app.ui.advice.AdviceView;
import dev.kpp.app.ui.advice.AdviceViewModel;
import dev.kpp.app.ui.calibration.CalibrationView;
import dev.kpp.app.ui.calibration.CalibrationViewModel;
import dev.kpp.app.ui.chart.ChartRenderer;
import dev.kpp.app.ui.common.ClipboardService;
import dev.kpp.app.ui.common.DialogHost;
import dev.kpp.app.ui.common.DialogService;
import dev.kpp.app.ui.common.SettingsStore;
import dev.kpp.app.ui.common.TaskRunner;
import dev.kpp.app.ui.common.ViewLoader;
import dev.kpp.app.ui.connect.ConnectView;
import dev.kpp.app.ui.connect.ConnectViewModel;
import dev.kpp.app.ui.export.ReportExportView;
import dev.kpp.app.ui.export.ReportExportViewModel;
import dev.kpp.app.ui.inventory.ImportViewModel;
import dev.kpp.app.ui.inventory.InventoryView;
import dev.kpp.app.ui.inventory.InventoryViewModel;
import dev.kpp.app.ui.main.MainView;
import dev.kpp.app.ui.main.MainViewModel;
import dev.kpp.app.ui.results.ResultsView;
import dev.kpp.app.ui.results.ResultsViewModel;
import dev.kpp.app.ui.scenario.ScenarioView;
import dev.kpp.app.ui.scenario.ScenarioViewModel;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.app.ui.settings.RecentFiles;
import dev.kpp.app.ui.settings.SettingsViewModel;
import dev.kpp.importer.spi.InventoryImporter;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.plan.MetricCatalog;
import dev.kpp.model.plan.Planner;
import dev.kpp.model.scenario.Sample;
import dev.kpp.model.scenario.Samples;
import javafx.scene.Parent;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The composition root (STYLE.md 2.4): creates the services and ViewModels once and hands them to
 * views through the FXML controller factory. Nothing is looked up statically. It fits the
 * calibration once, in the background, and builds the one {@link Planner} on it; until then the
 * results say "Fitting the calibration…".
 */
public final class AppContext implements AutoCloseable {
    /** The sample a first launch opens with. */
    public static final String START_SAMPLE = "growth-4k";
    private static final System.Logger LOG = System.getLogger(AppContext.class.getName());

    private final SettingsStore settingsStore;
    private final TaskRunner runner;
    private final PlannerSession session;
    private final SettingsViewModel settings;
    private final ScenarioViewModel scenario;
    private final ResultsViewModel results;
    private final InventoryViewModel inventory;
    private final ImportViewModel imports;
    private final MainViewModel main;
    private final CalibrationViewModel calibration;
    private final AdviceViewModel advice;
    private final ConnectViewModel connect;
    private final ReportExportViewModel export;
    private final ViewLoader loader;
    private MainView mainView;

    /**
     * @param settingsStore persistent settings (user preferences, or in memory for tests)
     * @param importer      the inventory importer, or null when this build has none
     * @param runner        background work
     * @param dialogs       dialogs
     * @param clipboard     the clipboard
     * @param charts        renders charts for export
     * @param clock         nanosecond clock
     * @param dates         the calendar (advice dates; UTC like the CLI's)
     * @param fit           fits the calibration (normally {@link Calibration#embedded()}); called once, in the
     *                      background
     */
    public AppContext(SettingsStore settingsStore, InventoryImporter importer, TaskRunner runner,
                      DialogService dialogs, ClipboardService clipboard, ChartRenderer charts, LongSupplier clock,
                      java.time.Clock dates, Supplier<Calibration> fit) {
        this.settingsStore = Objects.requireNonNull(settingsStore);
        this.runner = Objects.requireNonNull(runner);
        Messages messages = new Messages(Locale.getDefault());
        Texts texts = new Texts(messages);
        this.session = new PlannerSession(startSample(), MetricCatalog.defaultBudgets());
        RecentFiles recent = new RecentFiles(settingsStore);
        this.settings = new SettingsViewModel(settingsStore);
        this.scenario = new ScenarioViewModel(session, texts, clock);
        this.results = new ResultsViewModel(session, runner, texts, dialogs, clipboard, charts, clock, dates);
        this.inventory = new InventoryViewModel(session, texts);
        this.imports = new ImportViewModel(session, importer, runner, dialogs, texts, recent);
        this.main = new MainViewModel(session, scenario, imports, results, runner, dialogs, texts, recent);
        this.calibration = new CalibrationViewModel(session, texts);
        this.advice = new AdviceViewModel(session, runner, texts, clipboard, clock, dates);
        this.connect = new ConnectViewModel(session, imports, importer,
                explicit -> dev.kpp.importer.cluster.Kubeconfig.load(explicit, System.getenv()), runner, dialogs, texts);
        this.export = new ReportExportViewModel(session, runner, dialogs, texts, dates);
        DialogHost dialogHost = new DialogHost(this::loadView);
        Map<Class<?>, Supplier<?>> controllers = Map.of(
                AdviceView.class, () -> new AdviceView(advice, messages),
                MainView.class, () -> {
                    mainView = new MainView(main, settings, messages, dialogHost, views(), advice);
                    return mainView;
                },
                InventoryView.class, () -> new InventoryView(inventory),
                ScenarioView.class, () -> new ScenarioView(scenario, messages),
                ResultsView.class, () -> new ResultsView(results, messages),
                CalibrationView.class, () -> new CalibrationView(calibration, messages),
                ConnectView.class, () -> new ConnectView(connect),
                ReportExportView.class, () -> new ReportExportView(export));
        this.loader = new ViewLoader(controllers, ResourceBundle.getBundle("dev.kpp.app.l10n.messages"));
        runner.task(ctx -> fit.get()).named("calibration")
                .onSuccess(c -> {
                    // unless the start-up plan brought it already (useStartupPlan)
                    if (session.calibrationProperty().get() != c) {
                        session.useCalibration(c, new Planner(c));
                    }
                })
                .onError(e -> {
                    LOG.log(System.Logger.Level.ERROR, "fitting the calibration failed", e);
                    session.post(messages.get("calibration.error", e.getClass().getSimpleName()));
                })
                .start();
    }

    /** @return the sample a first launch opens with */
    public static Sample startSample() {
        return Samples.byName(START_SAMPLE).orElse(Samples.all().get(0));
    }

    /** @return the start-up plan for what a first launch opens with, under way on its own thread */
    static StartupPlan beginStartupPlan(Supplier<Calibration> fit) {
        return StartupPlan.begin(fit, startSample(), MetricCatalog.defaultBudgets());
    }

    /**
     * Takes the start-up plan before the window's first layout, so its first frame has the charts: waits for
     * it at most {@code timeoutMs}; when it is late, failed, or no longer matches the inputs, the window
     * plans as usual once the calibration is in. FX thread.
     *
     * @param startup   the plan under way (from {@link #beginStartupPlan})
     * @param timeoutMs how long the first frame may wait for it
     */
    void useStartupPlan(StartupPlan startup, long timeoutMs) {
        if (session.plannerProperty().get() != null) {
            return;
        }
        startup.await(timeoutMs).ifPresent(p -> {
            results.offer(p.planner(), p.input(), p.budgets(), p.plan());
            session.useCalibration(p.calibration(), p.planner());
        });
    }

    /** Loads the main window's scene graph. */
    public Parent loadMainView() {
        return loader.load(MainView.class);
    }

    /** The views' loader (called by the main view's factory, after the constructor assigned it). */
    private ViewLoader views() {
        return loader;
    }

    private Parent loadView(Class<?> view) {
        return loader.load(view);
    }

    /** @return the main view (after {@link #loadMainView()}) */
    public MainView mainView() {
        return mainView;
    }

    public PlannerSession session() {
        return session;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public MainViewModel main() {
        return main;
    }

    public ScenarioViewModel scenario() {
        return scenario;
    }

    public ResultsViewModel results() {
        return results;
    }

    public InventoryViewModel inventory() {
        return inventory;
    }

    public CalibrationViewModel calibration() {
        return calibration;
    }

    /** @return the Advice panel's ViewModel */
    public AdviceViewModel advice() {
        return advice;
    }

    public ImportViewModel imports() {
        return imports;
    }

    public ConnectViewModel connect() {
        return connect;
    }

    public ReportExportViewModel export() {
        return export;
    }

    public SettingsStore settingsStore() {
        return settingsStore;
    }

    @Override
    public void close() {
        runner.shutdown();
        settingsStore.flush();
    }
}
