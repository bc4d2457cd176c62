package dev.kpp.app.ui.inventory;

import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.common.DialogService;
import dev.kpp.app.ui.common.Formats;
import dev.kpp.app.ui.common.RunningTask;
import dev.kpp.app.ui.common.TaskRunner;
import dev.kpp.app.ui.session.LoadedInventory;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.app.ui.settings.RecentFiles;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Imports in the window: open files or a folder, drag and drop, recent files. Every import runs in
 * the background with progress, running counts and Cancel; a failure shows a readable dialog and
 * the inventory already loaded stays.
 */
public final class ImportViewModel {
    private final PlannerSession session;
    private final InventoryImportService importer;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Messages messages;
    private final RecentFiles recent;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

    /**
     * @param session  shared state
     * @param importer the importer, or null when this build has none (import actions are disabled)
     * @param runner   background work
     * @param dialogs  dialogs
     * @param messages wording
     * @param recent   recent files
     */
    public ImportViewModel(PlannerSession session, InventoryImportService importer, TaskRunner runner,
                           DialogService dialogs, Messages messages, RecentFiles recent) {
        this.session = session;
        this.importer = importer;
        this.runner = runner;
        this.dialogs = dialogs;
        this.messages = messages;
        this.recent = recent;
    }

    /** @return true when this build can import */
    public boolean available() {
        return importer != null;
    }

    /** Asks for files and imports them. */
    public void chooseFiles() {
        List<Path> files = dialogs.chooseFilesToImport(messages.get("inventory.import.chooser.files"));
        if (!files.isEmpty()) {
            importPaths(files);
        }
    }

    /** Asks for a folder and imports it. */
    public void chooseFolder() {
        dialogs.chooseFolderToImport(messages.get("inventory.import.chooser.folder")).ifPresent(p -> importPaths(List.of(p)));
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
        if (paths.isEmpty() || running.get()) {
            return;
        }
        String what = describePaths(paths);
        if (importer == null) {
            dialogs.showError(messages.get("inventory.import.error.title"), messages.get("inventory.import.error.header", what),
                    List.of(messages.get("inventory.import.error.unavailable")));
            return;
        }
        String kept = session.sourceName();
        running.set(true);
        RunningTask task = runner.<LoadedInventory>task(ctx -> {
            ctx.updateMessage(messages.get("inventory.import.status.start", what));
            ctx.updateProgress(-1, -1);
            ImportOutcome outcome = importer.importPaths(paths, p -> {
                ctx.updateProgress(p.workDone(), p.totalWork());
                ctx.updateMessage(messages.get("inventory.import.status.progress", p.currentItem().isEmpty() ? what
                        : p.currentItem(), Formats.integer(p.services()), Formats.integer(p.endpointSlices()),
                        Formats.integer(p.nodes())));
            }, ctx::isCancelled);
            if (ctx.isCancelled()) {
                throw new CancellationException();
            }
            ctx.updateMessage(messages.get("inventory.import.status.analysing", outcome.inventory().services().size()));
            return LoadedInventory.of(outcome.inventory(), paths, outcome.problems());
        }).named("import").cancellable()
                .onSuccess(loaded -> {
                    session.useInventory(loaded);
                    session.dirtyProperty().set(true);
                    paths.forEach(recent::add);
                    notice.set(messages.get("inventory.import.done", loaded.summary().name(),
                            Formats.integer(loaded.summary().proxiedServices()), loaded.problems().size()));
                    then.accept(loaded);
                })
                .onError(ImportFailedException.class, e -> {
                    List<String> details = new ArrayList<>();
                    e.problems().forEach(p -> details.add(describe(p, messages)));
                    details.add("");
                    details.add(messages.get("inventory.import.error.kept", kept));
                    dialogs.showError(messages.get("inventory.import.error.title"), messages.get("inventory.import.error.header", what),
                            details);
                    notice.set(messages.get("inventory.import.failed", kept));
                })
                .onError(CancellationException.class, e -> notice.set(messages.get("inventory.import.cancelled", kept)))
                .onError(e -> {
                    String reason = e.getMessage() == null || e.getMessage().isBlank()
                            ? e.getClass().getSimpleName() : e.getMessage();
                    dialogs.showError(messages.get("inventory.import.error.title"), messages.get("inventory.import.error.header", what),
                            List.of(reason, "", messages.get("inventory.import.error.kept", kept)));
                    notice.set(messages.get("inventory.import.failed", kept));
                })
                .onCancelled(() -> notice.set(messages.get("inventory.import.cancelled", kept)))
                .andFinally(() -> {
                    running.set(false);
                    session.taskProperty().set(null);
                })
                .start();
        if (running.get()) {
            session.taskProperty().set(task);
        }
    }

    /** @return one problem as a line: "file: location: message" */
    static String describe(ImportIssue issue, Messages messages) {
        String file = issue.file() == null ? "" : String.valueOf(issue.file().getFileName());
        if (file.isEmpty()) {
            return issue.message();
        }
        if (issue.location().isEmpty()) {
            return messages.get("inventory.import.problem.file", file, issue.message());
        }
        return messages.get("inventory.import.problem.fileLocation", file, issue.location(), issue.message());
    }

    private String describePaths(List<Path> paths) {
        String first = String.valueOf(paths.get(0).getFileName());
        return paths.size() == 1 ? first : messages.get("inventory.import.paths.many", first, paths.size() - 1);
    }

    /** @return true while an import runs */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** @return the outcome of the last import, for the status bar */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
