package dev.kpp.app.ui.session;

import dev.kpp.importer.spi.ImportRequest;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.plan.InventoryBase;
import dev.kpp.model.plan.InventoryScenario;
import dev.kpp.model.plan.InventorySummary;
import dev.kpp.model.scenario.ScenarioParams;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An imported inventory as the window holds it: the whole import result (inventory, metrics, rule
 * dumps, sources, problems), the planning base derived from it once and its summary.
 *
 * @param request what was imported (files today, a cluster context next)
 * @param result  everything the import produced
 * @param base    the inventory ready for planning ({@link InventoryScenario#derive}, as the CLI derives it)
 * @param summary what the inventory pane shows
 */
public record LoadedInventory(ImportRequest request, ImportResult result, InventoryBase base,
                              InventorySummary summary) {
    public LoadedInventory {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(summary, "summary");
    }

    /**
     * Derives the planning base and the summary; O(objects), so call it on a worker thread.
     *
     * @param request  what was imported
     * @param result   the import's result
     * @param defaults what an inventory does not say (traffic, Calico inputs): kpp's defaults, as in the CLI
     * @return the loaded inventory
     */
    public static LoadedInventory of(ImportRequest request, ImportResult result, ScenarioParams defaults) {
        return new LoadedInventory(request, result, InventoryScenario.derive(result.inventory(), defaults),
                InventorySummary.of(result.inventory()));
    }

    /** @return the plan input's source, {@code inventory:<paths>}, the same label the CLI writes */
    public String source() {
        if (request instanceof ImportRequest.Files f) {
            return "inventory:" + f.paths().stream().map(Path::toString).collect(Collectors.joining(","));
        }
        return "inventory:" + request.describe();
    }

    /** @return the imported files and folders (empty for a cluster import) */
    public List<Path> paths() {
        return request instanceof ImportRequest.Files f ? f.paths() : List.of();
    }

    /** @return the inventory's display name */
    public String name() {
        return summary.name();
    }

    /** @return the scenario the inventory describes: what "Reset" returns to */
    public ScenarioParams params() {
        return base.params();
    }
}
