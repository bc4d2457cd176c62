package dev.kpp.app.ui.main;

import dev.kpp.app.text.AppInfo;
import dev.kpp.app.report.AtomicFiles;
import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.common.DialogService;
import dev.kpp.app.ui.common.RunningTask;
import dev.kpp.app.ui.common.TaskRunner;
import dev.kpp.app.ui.inventory.ImportViewModel;
import dev.kpp.app.ui.results.ResultsViewModel;
import dev.kpp.app.ui.scenario.ScenarioDocument;
import dev.kpp.app.ui.scenario.ScenarioFiles;
import dev.kpp.app.ui.scenario.ScenarioViewModel;
import dev.kpp.app.ui.session.LoadedInventory;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.app.ui.settings.RecentFiles;
import dev.kpp.model.scenario.Sample;
import dev.kpp.model.scenario.Samples;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;

/**
 * The main window's actions: samples, scenario files (open, save, save as, unsaved-changes guard),
 * recent files, undo/redo, chart export, close; and its title and status line.
 */
public final class MainViewModel {
    private final PlannerSession session;
    private final ScenarioViewModel scenario;
    private final ImportViewModel imports;
    private final ResultsViewModel results;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Messages messages;
    private final RecentFiles recent;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final StringBinding title;
    private final StringBinding status;
    private final BooleanBinding busy;

    public MainViewModel(PlannerSession session, ScenarioViewModel scenario, ImportViewModel imports,
                         ResultsViewModel results, TaskRunner runner, DialogService dialogs, Messages messages,
                         RecentFiles recent) {
        this.session = session;
        this.scenario = scenario;
        this.imports = imports;
        this.results = results;
        this.runner = runner;
        this.dialogs = dialogs;
        this.messages = messages;
        this.recent = recent;
        title = Bindings.createStringBinding(() -> {
            Path file = session.fileProperty().get();
            String name = file != null ? String.valueOf(file.getFileName()) : session.sourceName();
            return (session.dirtyProperty().get() ? "• " : "") + name + " — " + AppInfo.NAME + " " + AppInfo.version();
        }, session.fileProperty(), session.dirtyProperty(), session.inventoryProperty(), session.sampleProperty());
        imports.noticeProperty().addListener((obs, o, n) -> notice.set(n));
        status = Bindings.createStringBinding(() -> notice.get().isEmpty()
                        ? messages.get("status.ready", results.timingProperty().get()) : notice.get(),
                notice, results.timingProperty());
        busy = Bindings.createBooleanBinding(() -> session.taskProperty().get() != null, session.taskProperty());
    }

    /** @return the built-in samples for the "New from sample" menu */
    public List<Sample> samples() {
        return Samples.all();
    }

    /** @return a sample's menu text */
    public String sampleLabel(Sample s) {
        return messages.get("menu.file.sample", s.name(), s.title());
    }

    /** Starts over from a sample (asks about unsaved changes first). */
    public void newFromSample(Sample sample) {
        guardUnsaved(() -> {
            session.useSample(sample);
            session.fileProperty().set(null);
            session.dirtyProperty().set(false);
            scenario.clearHistory();
            notice.set(messages.get("status.sample", sample.name()));
        });
    }

    /** Asks for a scenario file and opens it. */
    public void openScenario() {
        guardUnsaved(() -> dialogs.chooseScenarioToOpen(messages.get("scenario.file.open"))
                .ifPresent(this::openScenarioFile));
    }

    /** Opens a scenario file: re-imports its inventory (or picks its sample), then applies inputs and budgets. */
    public void openScenarioFile(Path file) {
        runner.task(ctx -> ScenarioFiles.read(file)).named("open-scenario")
                .onSuccess(doc -> apply(file, doc))
                .onError(ScenarioFiles.ScenarioFileException.class, e -> dialogs.showError(
                        messages.get("scenario.file.error.title"),
                        messages.get("scenario.file.error.open", String.valueOf(file.getFileName())),
                        List.of(e.getMessage())))
                .onError(e -> dialogs.showError(messages.get("scenario.file.error.title"),
                        messages.get("scenario.file.error.open", String.valueOf(file.getFileName())),
                        List.of(String.valueOf(e.getMessage()))))
                .start();
    }

    private void apply(Path file, ScenarioDocument doc) {
        Runnable finish = () -> {
            session.inputsProperty().set(doc.inputs());
            session.budgetsProperty().set(doc.budgets());
            session.fileProperty().set(file);
            session.dirtyProperty().set(false);
            scenario.clearHistory();
            recent.add(file);
            notice.set(messages.get("status.opened", String.valueOf(file.getFileName())));
        };
        if (doc.sample() != null) {
            Sample s = Samples.byName(doc.sample()).orElse(session.sampleProperty().get());
            session.useSample(s);
            finish.run();
        } else {
            imports.importPaths(doc.inventoryPaths(), (LoadedInventory loaded) -> finish.run());
        }
    }

    /** Saves to the current file, or asks where. */
    public void save() {
        save(() -> { });
    }

    private void save(Runnable then) {
        Path file = session.fileProperty().get();
        if (file == null) {
            saveAs(then);
        } else {
            write(file, then);
        }
    }

    /** Asks where, then saves. */
    public void saveAs() {
        saveAs(() -> { });
    }

    private void saveAs(Runnable then) {
        String suggested = session.sourceName().replaceAll("[^A-Za-z0-9._-]", "-") + ScenarioFiles.SUFFIX;
        dialogs.chooseScenarioToSave(messages.get("scenario.file.save"), suggested)
                .ifPresent(p -> write(ScenarioFiles.withSuffix(p), then));
    }

    private void write(Path file, Runnable then) {
        ScenarioDocument doc = document();
        runner.task(ctx -> {
            ScenarioFiles.write(file, doc);
            return file;
        }).named("save-scenario")
                .onSuccess(p -> {
                    session.fileProperty().set(p);
                    session.dirtyProperty().set(false);
                    recent.add(p);
                    notice.set(messages.get("status.saved", String.valueOf(p.getFileName())));
                    then.run();
                })
                .onError(e -> dialogs.showError(messages.get("scenario.file.error.title"),
                        messages.get("scenario.file.error.save", String.valueOf(file.getFileName())),
                        List.of(String.valueOf(e.getMessage()))))
                .start();
    }

    /** @return the session as a scenario document */
    public ScenarioDocument document() {
        LoadedInventory inv = session.inventoryProperty().get();
        return inv == null
                ? new ScenarioDocument(session.sampleProperty().get().name(), "", List.of(),
                session.inputsProperty().get(), session.budgetsProperty().get())
                : new ScenarioDocument(null, inv.summary().name(), inv.sources(), session.inputsProperty().get(),
                session.budgetsProperty().get());
    }

    /** Opens a recent entry: scenario files open, anything else is imported. */
    public void openRecent(Path path) {
        if (path.getFileName().toString().endsWith(ScenarioFiles.SUFFIX)) {
            guardUnsaved(() -> openScenarioFile(path));
        } else {
            imports.importPaths(List.of(path));
        }
    }

    /** Forgets the recent files. */
    public void clearRecent() {
        recent.clear();
    }

    public ObservableList<Path> recentFiles() {
        return recent.files();
    }

    /** Undoes an input change. */
    public void undo() {
        scenario.undo();
    }

    /** Redoes an input change. */
    public void redo() {
        scenario.redo();
    }

    /** Cancels the running background task, if it can be cancelled. */
    public void cancelTask() {
        RunningTask t = session.taskProperty().get();
        if (t != null && t.cancellable()) {
            t.cancel();
        }
    }

    /**
     * Asks where to save a chart image and writes it in the background.
     *
     * @param png       the encoded image
     * @param metricKey the chart's metric (names the file)
     */
    public void exportChart(byte[] png, String metricKey) {
        dialogs.choosePngToSave(messages.get("results.chart.export"), "kpp-" + metricKey + ".png").ifPresent(p ->
                runner.task(ctx -> {
                    AtomicFiles.writeBytes(p, png);
                    return p;
                }).named("export-png")
                        .onSuccess(f -> notice.set(messages.get("status.exported", String.valueOf(f.getFileName()))))
                        .onError(e -> dialogs.showError(messages.get("results.chart.exportError.title"),
                                messages.get("results.chart.exportError.header", String.valueOf(p.getFileName())),
                                List.of(String.valueOf(e.getMessage()))))
                        .start());
    }

    /** Shows the keyboard shortcuts. */
    public void showShortcuts() {
        dialogs.showInfo(messages.get("help.shortcuts.title"), messages.get("help.shortcuts.header"),
                List.of(messages.get("help.shortcuts.body").split("\\|")));
    }

    /** Shows what kpp is. */
    public void showAbout() {
        dialogs.showInfo(messages.get("help.about.title"),
                messages.get("help.about.header", AppInfo.NAME, AppInfo.version()),
                List.of(messages.get("help.about.body")));
    }

    /**
     * Closes the window after asking about unsaved changes.
     *
     * @param closer closes the window; runs only when the user did not cancel
     */
    public void requestClose(Runnable closer) {
        guardUnsaved(closer);
    }

    private void guardUnsaved(Runnable then) {
        if (!session.dirtyProperty().get()) {
            then.run();
            return;
        }
        switch (dialogs.confirmUnsaved(messages.get("dialog.unsaved.title"),
                messages.get("dialog.unsaved.header", session.sourceName()))) {
            case SAVE -> save(then);
            case DISCARD -> then.run();
            default -> {
                // cancelled: stay
            }
        }
    }

    public StringBinding titleBinding() {
        return title;
    }

    /** @return the status line text */
    public StringBinding statusBinding() {
        return status;
    }

    /** @return true while a user-visible task runs */
    public BooleanBinding busyBinding() {
        return busy;
    }

    /** @return the last action's outcome */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public PlannerSession session() {
        return session;
    }

    public ScenarioViewModel scenario() {
        return scenario;
    }

    public ImportViewModel imports() {
        return imports;
    }

    public ResultsViewModel results() {
        return results;
    }
}
