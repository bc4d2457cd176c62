package dev.kpp.app.ui.session;

import dev.kpp.app.ui.inventory.ImportIssue;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.rules.Workload;
import dev.kpp.model.rules.WorkloadBuilder;
import dev.kpp.model.scenario.ScenarioParams;

import java.nio.file.Path;
import java.util.List;

/**
 * An imported inventory with everything derived from it once (off the FX thread): the workload the
 * what-if controls scale, the pane's summary and the scenario it describes.
 *
 * @param inventory  the inventory
 * @param workload   its Service ports grouped by shape, seen from its first node
 * @param summary    what the inventory pane shows
 * @param baseParams the scenario the inventory describes (the controls' starting point)
 * @param sources    the imported files or folders
 * @param problems   non-fatal import problems
 */
public record LoadedInventory(ClusterInventory inventory, Workload workload, InventorySummary summary,
                              ScenarioParams baseParams, List<Path> sources, List<ImportIssue> problems) {
    public LoadedInventory {
        sources = List.copyOf(sources);
        problems = List.copyOf(problems);
    }

    /** Derives workload, summary and base scenario; O(objects), so call it on a worker thread. */
    public static LoadedInventory of(ClusterInventory inventory, List<Path> sources, List<ImportIssue> problems) {
        Workload workload = WorkloadBuilder.fromInventory(inventory, null);
        InventorySummary summary = InventorySummary.of(inventory);
        return new LoadedInventory(inventory, workload, summary, summary.baseParams(), sources, problems);
    }
}
