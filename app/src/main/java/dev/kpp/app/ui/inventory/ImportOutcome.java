package dev.kpp.app.ui.inventory;

import dev.kpp.model.inventory.ClusterInventory;

import java.util.List;
import java.util.Objects;

/**
 * A successful import.
 *
 * @param inventory the merged inventory
 * @param problems  non-fatal problems (objects skipped, fields ignored), shown as warnings
 */
public record ImportOutcome(ClusterInventory inventory, List<ImportIssue> problems) {
    public ImportOutcome {
        Objects.requireNonNull(inventory, "inventory");
        problems = List.copyOf(problems == null ? List.of() : problems);
    }
}
