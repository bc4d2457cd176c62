package dev.kpp.app;

import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.calibration.CalibrationView;
import dev.kpp.app.ui.calibration.CalibrationViewModel;
import dev.kpp.app.ui.common.DialogService;
import dev.kpp.app.ui.common.SettingsStore;
import dev.kpp.app.ui.common.TaskRunner;
import dev.kpp.app.ui.common.ViewLoader;
import dev.kpp.app.ui.inventory.ImportViewModel;
import dev.kpp.app.ui.inventory.InventoryImportService;
import dev.kpp.app.ui.inventory.InventoryView;
import dev.kpp.app.ui.inventory.InventoryViewModel;
import dev.kpp.app.ui.main.MainView;
import dev.kpp.app.ui.main.MainViewModel;
import dev.kpp.app.ui.results.MetricCatalog;
import dev.kpp.app.ui.results.ResultsView;
import dev.kpp.app.ui.results.ResultsViewModel;
import dev.kpp.app.ui.scenario.ScenarioView;
import dev.kpp.app.ui.scenario.ScenarioViewModel;
import dev.kpp.app.ui.session.Budgets;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.app.ui.settings.RecentFiles;
import dev.kpp.app.ui.settings.SettingsViewModel;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.scenario.Sample;
import dev.kpp.model.scenario.Samples;
import javafx.scene.Parent;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The composition root (STYLE.md 2.4): creates the services and ViewModels once and hands them to
 * views through the FXML controller factory. Nothing is looked up statically.
 */
public final class AppContext implements AutoCloseable {
    /** The sample a first launch opens with. */
    public static final String START_SAMPLE = "growth-4k";

    private final SettingsStore settingsStore;
    private final TaskRunner runner;
    private final Messages messages;
    private final PlannerSession session;
    private final SettingsViewModel settings;
    private final ScenarioViewModel scenario;
    private final ResultsViewModel results;
    private final InventoryViewModel inventory;
    private final ImportViewModel imports;
    private final MainViewModel main;
    private final CalibrationViewModel calibration;
    private final ViewLoader loader;
    private MainView mainView;

    /**
     * @param settingsStore persistent settings (user preferences, or in memory for tests)
     * @param importer      the inventory importer, or null when this build has none
     * @param runner        background work
     * @param dialogs       dialogs
     * @param clock         nanosecond clock
     */
    public AppContext(SettingsStore settingsStore, InventoryImportService importer, TaskRunner runner,
                      DialogService dialogs, LongSupplier clock) {
        this.settingsStore = settingsStore;
        this.runner = runner;
        this.messages = new Messages(Locale.getDefault());
        Sample start = Samples.byName(START_SAMPLE).orElse(Samples.all().get(0));
        this.session = new PlannerSession(start);
        Map<String, Double> budgets = new LinkedHashMap<>();
        MetricCatalog.budgetable().forEach(m -> MetricCatalog.defaultBudget(m.key())
                .ifPresent(v -> budgets.put(m.key(), v)));
        session.budgetsProperty().set(new Budgets(budgets));
        RecentFiles recent = new RecentFiles(settingsStore);
        this.settings = new SettingsViewModel(settingsStore);
        this.scenario = new ScenarioViewModel(session, messages, clock);
        this.results = new ResultsViewModel(session, runner, messages, clock);
        this.inventory = new InventoryViewModel(session, messages);
        this.imports = new ImportViewModel(session, importer, runner, dialogs, messages, recent);
        this.main = new MainViewModel(session, scenario, imports, results, runner, dialogs, messages, recent);
        this.calibration = new CalibrationViewModel(session, runner, messages, Calibration::embedded);
        Map<Class<?>, Supplier<?>> controllers = Map.of(
                MainView.class, () -> {
                    mainView = new MainView(main, settings, messages);
                    return mainView;
                },
                InventoryView.class, () -> new InventoryView(inventory),
                ScenarioView.class, () -> new ScenarioView(scenario, messages),
                ResultsView.class, () -> new ResultsView(results, messages, main::exportChart),
                CalibrationView.class, () -> new CalibrationView(calibration, messages));
        this.loader = new ViewLoader(controllers, ResourceBundle.getBundle("dev.kpp.app.l10n.messages"));
    }

    /** Loads the main window's scene graph. */
    public Parent loadMainView() {
        return loader.load(MainView.class);
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

    public ImportViewModel imports() {
        return imports;
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
