package dev.kpp.app.ui.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What the planner window needs from an importer: turn files or folders into one inventory, off the
 * FX thread, reporting progress and honouring cancellation. The {@code import} module's file
 * importer is bound to this interface by {@code dev.kpp.app.AppContext} (see {@link #discover()}).
 */
public interface InventoryImportService {
    /**
     * Imports cluster dumps. Called on a worker thread; never touches JavaFX.
     *
     * @param paths     files (JSON/YAML/CSV dumps, {@code kubectl get -o json} output, ...) and folders
     * @param progress  receives progress and running counts; may be called from the calling thread only
     * @param cancelled becomes true when the user pressed Cancel; stop early (returning anything or
     *                  throwing {@link java.util.concurrent.CancellationException})
     * @return the merged inventory plus non-fatal problems (skipped objects, unknown fields, ...)
     * @throws ImportFailedException when nothing usable could be read; carries per-file problems
     */
    ImportOutcome importPaths(List<Path> paths, ProgressSink progress, BooleanSupplier cancelled)
            throws ImportFailedException;

    /**
     * @return the implementation registered through {@link java.util.ServiceLoader}
     *         ({@code META-INF/services/dev.kpp.app.ui.inventory.InventoryImportService}), or null
     *         when this build has no importer
     */
    static InventoryImportService discover() {
        return java.util.ServiceLoader.load(InventoryImportService.class).findFirst().orElse(null);
    }
}
