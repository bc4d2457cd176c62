package dev.kpp.app.ui.scenario;

import dev.kpp.app.ui.session.Budgets;
import dev.kpp.app.ui.session.ScenarioInputs;

import java.nio.file.Path;
import java.util.List;

/**
 * A saved planning session ({@code *.kpp-scenario.json}): where the inventory came from (a sample
 * name or the imported paths, not a copy of the objects), the inputs and the budgets.
 *
 * @param sample          the sample's name, or null when an inventory was imported
 * @param inventoryName   the inventory's display name ("" for a sample)
 * @param inventoryPaths  the imported files or folders (absolute)
 * @param inputs          the inputs
 * @param budgets         the budgets
 */
public record ScenarioDocument(String sample, String inventoryName, List<Path> inventoryPaths, ScenarioInputs inputs,
                               Budgets budgets) {
    public ScenarioDocument {
        inventoryName = inventoryName == null ? "" : inventoryName;
        inventoryPaths = List.copyOf(inventoryPaths == null ? List.of() : inventoryPaths);
    }
}
