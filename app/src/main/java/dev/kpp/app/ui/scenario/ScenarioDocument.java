package dev.kpp.app.ui.scenario;

import dev.kpp.model.plan.Budgets;
import dev.kpp.model.scenario.ScenarioOverrides;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A saved planning session ({@code *.kpp-scenario.json}): where the inventory came from (a sample
 * name or the imported paths, not a copy of the objects), the inputs and the budgets.
 *
 * @param sample          the sample's name, or null when an inventory was imported
 * @param inventoryName   the inventory's display name ("" for a sample)
 * @param inventoryPaths  the imported files or folders (absolute)
 * @param inputs          the inputs, applied on top of the sample's or the inventory's own values
 * @param budgets         the budgets
 */
public record ScenarioDocument(String sample, String inventoryName, List<Path> inventoryPaths,
                               ScenarioOverrides inputs, Budgets budgets) {
    public ScenarioDocument {
        inventoryName = inventoryName == null ? "" : inventoryName;
        inventoryPaths = List.copyOf(inventoryPaths == null ? List.of() : inventoryPaths);
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(budgets, "budgets");
    }
}
