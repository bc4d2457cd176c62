package dev.kpp.importer.spi;

/**
 * The port through which the CLI and the window import an inventory: files or a live cluster. An
 * implementation never throws for bad input: what went wrong is in {@link ImportResult#problems()},
 * and a cancelled import returns what it has, flagged {@link ImportResult#cancelled()}.
 */
public interface InventoryImporter {
    /** @return true when this importer handles the request */
    boolean supports(ImportRequest request);

    /**
     * Imports.
     *
     * @param request  what to import
     * @param progress receives work done (bytes or objects) and running counts; called from the importing thread
     * @param cancel   polled between items (at least once per page or per megabyte)
     * @return the result
     * @throws IllegalArgumentException when the request is not {@linkplain #supports supported}
     */
    ImportResult importInventory(ImportRequest request, ProgressListener progress, Cancellation cancel);
}
