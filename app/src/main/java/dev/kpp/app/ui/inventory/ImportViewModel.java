package dev.kpp.app.ui.inventory;

import dev.kpp.app.report.AtomicFiles;
import dev.kpp.app.text.AppInfo;
import dev.kpp.app.text.Numbers;
import dev.kpp.app.text.Texts;
import dev.kpp.app.ui.common.DialogService;
import dev.kpp.app.ui.common.RunningTask;
import dev.kpp.app.ui.common.TaskContext;
import dev.kpp.app.ui.common.TaskRunner;
import dev.kpp.app.ui.session.LoadedInventory;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.app.ui.settings.RecentFiles;
import dev.kpp.importer.io.OutputException;
import dev.kpp.importer.snapshot.Snapshot;
import dev.kpp.importer.snapshot.SnapshotCodec;
import dev.kpp.importer.spi.ImportCancelledException;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportRequest;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.InventoryImporter;
import dev.kpp.importer.spi.ProgressListener;
import dev.kpp.model.scenario.ScenarioParams;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Imports in the window, through the importer SPI ({@link InventoryImporter}): open files or a
 * folder, drag and drop, recent files, and any other {@link ImportRequest} (a cluster context joins
 * here). Every import runs in the background with progress, running counts and Cancel; the whole
 * {@link ImportResult} is kept; a failure shows a readable dialog and the inventory already loaded
 * stays.
 */
public final class ImportViewModel {
    /** Problems listed in the error dialog before the rest are counted. */
    static final int MAX_LISTED = 12;

    private final PlannerSession session;
    private final InventoryImporter importer;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Texts texts;
    private final RecentFiles recent;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final javafx.beans.binding.BooleanBinding canSaveSnapshot;

    /** Nothing usable was imported; the result says why. */
    private static final class NothingImported extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ImportResult result;

        NothingImported(ImportResult result) {
            super("nothing imported");
            this.result = result;
        }
    }

    /**
     * @param session  shared state
     * @param importer the importer, or null when this build has none (import actions are disabled)
     * @param runner   background work
     * @param dialogs  dialogs
     * @param texts    wording
     * @param recent   recent files
     */
    public ImportViewModel(PlannerSession session, InventoryImporter importer, TaskRunner runner,
                           DialogService dialogs, Texts texts, RecentFiles recent) {
        this.session = session;
        this.importer = importer;
        this.runner = runner;
        this.dialogs = dialogs;
        this.texts = texts;
        this.recent = recent;
        this.canSaveSnapshot = session.inventoryProperty().isNotNull().and(running.not());
    }

    /** @return true when this build can import */
    public boolean available() {
        return importer != null;
    }

    /** Asks for files and imports them. */
    public void chooseFiles() {
        List<Path> files = dialogs.chooseFilesToImport(text("inventory.import.chooser.files"));
        if (!files.isEmpty()) {
            importPaths(files);
        }
    }

    /** Asks for a folder and imports it. */
    public void chooseFolder() {
        dialogs.chooseFolderToImport(text("inventory.import.chooser.folder")).ifPresent(p -> importPaths(List.of(p)));
    }

    /** Imports dropped or chosen paths. */
    public void importPaths(List<Path> paths) {
        importPaths(paths, loaded -> { });
    }

    /**
     * Imports paths; on success the inventory replaces the current one, then {@code then} runs.
     *
     * @param paths files or folders
     * @param then  what to do after a successful import (e.g. apply a scenario file's inputs)
     */
    public void importPaths(List<Path> paths, Consumer<LoadedInventory> then) {
        if (!paths.isEmpty()) {
            importRequest(new ImportRequest.Files(paths), then);
        }
    }

    /**
     * Imports anything the importer supports (files today, a cluster context next).
     *
     * @param request what to import
     * @param then    what to do after a successful import
     */
    public void importRequest(ImportRequest request, Consumer<LoadedInventory> then) {
        if (running.get()) {
            return;
        }
        String what = describe(request);
        if (importer == null || !importer.supports(request)) {
            dialogs.showError(text("inventory.import.error.title"), text("inventory.import.error.header", what),
                    List.of(text("inventory.import.error.unavailable")));
            return;
        }
        String kept = session.sourceName();
        running.set(true);
        RunningTask task = runner.<LoadedInventory>task(ctx -> run(request, what, ctx)).named("import").cancellable()
                .onSuccess(loaded -> {
                    adopt(loaded);
                    then.accept(loaded);
                })
                .onError(NothingImported.class, e -> {
                    dialogs.showError(text("inventory.import.error.title"), text("inventory.import.error.header", what),
                            details(e.result.problems(), kept));
                    session.post(text("inventory.import.failed", kept));
                })
                .onError(CancellationException.class, e -> session.post(text("inventory.import.cancelled", kept)))
                .onError(ImportCancelledException.class, e -> session.post(text("inventory.import.cancelled", kept)))
                .onError(e -> {
                    System.getLogger(ImportViewModel.class.getName()).log(System.Logger.Level.ERROR,
                            "import of " + request.describe() + " failed", e);
                    dialogs.showError(text("inventory.import.error.title"), text("inventory.import.error.header", what),
                            List.of(text("inventory.import.error.internal", e.getClass().getSimpleName()), "",
                                    text("inventory.import.error.kept", kept)));
                    session.post(text("inventory.import.failed", kept));
                })
                .onCancelled(() -> session.post(text("inventory.import.cancelled", kept)))
                .andFinally(() -> {
                    running.set(false);
                    session.taskProperty().set(null);
                })
                .start();
        if (running.get()) {
            session.taskProperty().set(task);
        }
    }

    /**
     * Makes an imported inventory the window's: what every successful import does, whatever ran it
     * (files here, a live cluster from the Connect dialog). FX thread.
     *
     * @param loaded the imported inventory
     */
    public void adopt(LoadedInventory loaded) {
        session.useInventory(loaded);
        loaded.paths().forEach(recent::add);
        session.post(text("inventory.import.done", loaded.name(),
                Numbers.count(loaded.summary().proxied()), loaded.result().problems().size()));
    }

    /**
     * Asks where, then saves the loaded inventory as a snapshot file, atomically: {@code kpp import}'s
     * format, a live import's context, server and version in its provenance.
     */
    public void saveSnapshot() {
        LoadedInventory inv = session.inventoryProperty().get();
        if (inv == null || running.get()) {
            return;
        }
        String base = inv.name().replaceAll("[^A-Za-z0-9._-]", "-");
        dialogs.chooseSnapshotToSave(text("connect.save.title"), base + Snapshot.SUFFIX).ifPresent(p -> runner.task(
                ctx -> {
                    SnapshotCodec.save(Snapshot.of(inv.result(), AppInfo.version()), p);
                    return p;
                }).named("save-snapshot")
                .onSuccess(f -> session.post(text("connect.save.done", String.valueOf(f.getFileName()))))
                .onError(OutputException.class, e -> dialogs.showError(text("connect.save.error.title"),
                        text("connect.save.error.header", String.valueOf(p.getFileName())),
                        List.of(AtomicFiles.describe(e))))
                .onError(e -> dialogs.showError(text("connect.save.error.title"),
                        text("connect.save.error.header", String.valueOf(p.getFileName())),
                        List.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())))
                .start());
    }

    private LoadedInventory run(ImportRequest request, String what, TaskContext ctx) throws NothingImported {
        ctx.updateMessage(text("inventory.import.status.start", what));
        ctx.updateProgress(-1, -1);
        ProgressListener listener = new ProgressListener() {
            private String item = what;

            @Override
            public void progress(long workDone, long totalWork, String messageKey, String detail) {
                ctx.updateProgress(workDone, totalWork);
                if (detail != null && !detail.isEmpty()) {
                    int slash = Math.max(detail.lastIndexOf('/'), detail.lastIndexOf('\\'));
                    item = slash >= 0 ? detail.substring(slash + 1) : detail;
                }
            }

            @Override
            public void counts(long services, long endpointSlices, long nodes) {
                ctx.updateMessage(text("inventory.import.status.progress", item, Numbers.count(services),
                        Numbers.count(endpointSlices), Numbers.count(nodes)));
            }
        };
        ImportResult r = importer.importInventory(request, listener, ctx::isCancelled);
        if (r.cancelled() || ctx.isCancelled()) {
            throw new CancellationException();
        }
        if (r.sources().isEmpty()) {
            throw new NothingImported(r);
        }
        ctx.updateMessage(text("inventory.import.status.analysing", Numbers.count(r.inventory().services().size())));
        return LoadedInventory.of(request, r, ScenarioParams.defaults());
    }

    /** @return the error dialog's lines: each problem (errors first) as the bundle words it, then what was kept */
    private List<String> details(List<ImportProblem> problems, String kept) {
        List<ImportProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing(p -> p.severity() != ImportProblem.Severity.ERROR));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sorted.size() && i < MAX_LISTED; i++) {
            out.add(texts.problem(sorted.get(i)));
        }
        if (sorted.size() > MAX_LISTED) {
            out.add(text("inventory.import.error.more", sorted.size() - MAX_LISTED));
        }
        if (sorted.isEmpty()) {
            out.add(text("inventory.import.error.nothing"));
        }
        out.add("");
        out.add(text("inventory.import.error.kept", kept));
        return out;
    }

    private String describe(ImportRequest request) {
        if (request instanceof ImportRequest.Files f) {
            String first = String.valueOf(f.paths().get(0).getFileName());
            return f.paths().size() == 1 ? first : text("inventory.import.paths.many", first, f.paths().size() - 1);
        }
        return request.describe();
    }

    private String text(String key, Object... args) {
        return texts.messages().get(key, args);
    }

    /** @return true when an inventory is loaded that can be saved as a snapshot */
    public javafx.beans.binding.BooleanBinding canSaveSnapshotBinding() {
        return canSaveSnapshot;
    }

    /** @return true while an import runs */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
