package dev.kpp.app.ui.main;

import dev.kpp.app.text.AppInfo;
import dev.kpp.app.text.Texts;
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
import dev.kpp.model.plan.PlanInput;
import dev.kpp.model.scenario.Sample;
import dev.kpp.model.scenario.Samples;
import dev.kpp.model.scenario.ScenarioField;
import dev.kpp.model.scenario.ScenarioOverrides;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.units.InvalidValueException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;

/**
 * The main window's actions: samples, scenario files (open, save, save as, unsaved-changes guard),
 * recent files, undo/redo, exports, close; and its title and status line.
 */
public final class MainViewModel {
    private final PlannerSession session;
    private final ScenarioViewModel scenario;
    private final ImportViewModel imports;
    private final ResultsViewModel results;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Texts texts;
    private final RecentFiles recent;
    private final StringBinding title;
    private final StringBinding status;
    private final BooleanBinding busy;

    public MainViewModel(PlannerSession session, ScenarioViewModel scenario, ImportViewModel imports,
                         ResultsViewModel results, TaskRunner runner, DialogService dialogs, Texts texts,
                         RecentFiles recent) {
        this.session = session;
        this.scenario = scenario;
        this.imports = imports;
        this.results = results;
        this.runner = runner;
        this.dialogs = dialogs;
        this.texts = texts;
        this.recent = recent;
        title = Bindings.createStringBinding(() -> {
            Path file = session.fileProperty().get();
            String name = file != null ? String.valueOf(file.getFileName()) : session.sourceName();
            return (session.dirtyBinding().get() ? "• " : "") + name + " — " + AppInfo.NAME + " " + AppInfo.version();
        }, session.fileProperty(), session.dirtyBinding(), session.inventoryProperty(), session.sampleProperty());
        status = Bindings.createStringBinding(() -> {
            if (!session.noticeProperty().get().isEmpty()) {
                return session.noticeProperty().get();
            }
            String waiting = results.statusTextProperty().get();
            return waiting.isEmpty() ? text("status.ready") : waiting;
        }, session.noticeProperty(), results.statusTextProperty());
        busy = Bindings.createBooleanBinding(() -> session.taskProperty().get() != null, session.taskProperty());
    }

    private String text(String key, Object... args) {
        return texts.messages().get(key, args);
    }

    /** @return the built-in samples for the "New from sample" menu */
    public List<Sample> samples() {
        return Samples.all();
    }

    /** @return a sample's menu text */
    public String sampleLabel(Sample s) {
        return text("menu.file.sample", s.name(), s.title());
    }

    /** Starts over from a sample (asks about unsaved changes first). */
    public void newFromSample(Sample sample) {
        guardUnsaved(() -> {
            session.useSample(sample);
            session.fileProperty().set(null);
            session.markClean();
            scenario.clearHistory();
            session.post(text("status.sample", sample.name()));
        });
    }

    /** Asks for a scenario file and opens it. */
    public void openScenario() {
        guardUnsaved(() -> dialogs.chooseScenarioToOpen(text("scenario.file.open"))
                .ifPresent(this::openScenarioFile));
    }

    /** Opens a scenario file: re-imports its inventory (or picks its sample), then applies inputs and budgets. */
    public void openScenarioFile(Path file) {
        String name = String.valueOf(file.getFileName());
        runner.task(ctx -> ScenarioFiles.read(file)).named("open-scenario")
                .onSuccess(doc -> apply(file, doc))
                .onError(ScenarioFiles.ScenarioFileException.class, e -> openError(name,
                        text(e.key(), e.args())))
                .onError(InvalidValueException.class, e -> openError(name, texts.invalid(e)))
                .onError(e -> openError(name, text("scenario.file.error.unreadable", e.getClass().getSimpleName())))
                .start();
    }

    private void openError(String name, String detail) {
        dialogs.showError(text("scenario.file.error.title"), text("scenario.file.error.open", name), List.of(detail));
    }

    private void apply(Path file, ScenarioDocument doc) {
        String name = String.valueOf(file.getFileName());
        if (doc.sample() != null) {
            Sample s = Samples.byName(doc.sample()).orElse(null);
            if (s == null) {
                openError(name, text("scenario.file.error.unknownSample", doc.sample()));
                return;
            }
            ScenarioParams inputs;
            try {
                inputs = doc.inputs().applyTo(s.params());
            } catch (InvalidValueException e) {
                openError(name, texts.invalid(e));
                return;
            }
            session.useSample(s);
            finish(file, inputs, doc);
        } else {
            imports.importPaths(doc.inventoryPaths(), (LoadedInventory loaded) -> {
                // the inventory fixes its Service mix: a file's shares yield to what was imported now
                ScenarioOverrides in = doc.inputs();
                for (ScenarioField f : PlanInput.FIXED_BY_INVENTORY) {
                    in = in.without(f);
                }
                try {
                    ScenarioParams inputs = in.applyTo(loaded.params());
                    session.planInput(inputs);
                    finish(file, inputs, doc);
                } catch (InvalidValueException e) {
                    openError(name, texts.invalid(e));
                }
            });
        }
    }

    private void finish(Path file, ScenarioParams inputs, ScenarioDocument doc) {
        session.inputsProperty().set(inputs);
        session.budgetsProperty().set(doc.budgets());
        session.fileProperty().set(file);
        session.markClean();
        scenario.clearHistory();
        recent.add(file);
        session.post(text("status.opened", String.valueOf(file.getFileName())));
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
        dialogs.chooseScenarioToSave(text("scenario.file.save"), suggested)
                .ifPresent(p -> write(ScenarioFiles.withSuffix(p), then));
    }

    private void write(Path file, Runnable then) {
        ScenarioDocument doc = document();
        PlannerSession.State state = session.state();
        runner.task(ctx -> {
            ScenarioFiles.write(file, doc);
            return file;
        }).named("save-scenario")
                .onSuccess(p -> {
                    session.fileProperty().set(p);
                    if (session.state().equals(state)) {
                        session.markClean();
                    }
                    recent.add(p);
                    session.post(text("status.saved", String.valueOf(p.getFileName())));
                    then.run();
                })
                .onError(e -> dialogs.showError(text("scenario.file.error.title"),
                        text("scenario.file.error.save", String.valueOf(file.getFileName())),
                        List.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())))
                .start();
    }

    /** @return the session as a scenario document */
    public ScenarioDocument document() {
        LoadedInventory inv = session.inventoryProperty().get();
        ScenarioOverrides inputs = ScenarioFiles.inputsOf(session.inputsProperty().get());
        return inv == null
                ? new ScenarioDocument(session.sampleProperty().get().name(), "", List.of(), inputs,
                session.budgetsProperty().get())
                : new ScenarioDocument(null, inv.name(), inv.paths(), inputs, session.budgetsProperty().get());
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

    /** Exports the four charts (File, Export charts). */
    public void exportCharts() {
        results.exportCharts();
    }

    /** Writes the prediction's JSON to a file (File, Export prediction JSON). */
    public void exportJson() {
        results.exportJson();
    }

    /** Puts the prediction's JSON on the clipboard (Edit, Copy as JSON). */
    public void copyJson() {
        results.copyJson();
    }

    /** Shows the keyboard shortcuts. */
    public void showShortcuts() {
        dialogs.showInfo(text("help.shortcuts.title"), text("help.shortcuts.header"),
                List.of(text("help.shortcuts.body").split("\\|")));
    }

    /** Shows what kpp is. */
    public void showAbout() {
        dialogs.showInfo(text("help.about.title"), text("help.about.header", AppInfo.NAME, AppInfo.version()),
                List.of(text("help.about.body")));
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
        if (!session.dirtyBinding().get()) {
            then.run();
            return;
        }
        switch (dialogs.confirmUnsaved(text("dialog.unsaved.title"), text("dialog.unsaved.header",
                session.sourceName()))) {
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

    /** @return the status line: the last outcome until the next edit, else what the results wait for, else Ready */
    public StringBinding statusBinding() {
        return status;
    }

    /** @return true while a user-visible task runs */
    public BooleanBinding busyBinding() {
        return busy;
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
