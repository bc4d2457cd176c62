package dev.kpp.app.ui.results;

import dev.kpp.model.inventory.ProxyMode;

import java.util.Map;
import java.util.Set;

/**
 * One row of the comparison table.
 *
 * @param mode       the mode
 * @param name       its display name
 * @param values     metric key to value with band
 * @param best       metric keys where this mode is the lowest (when modes differ)
 * @param overBudget metric keys where this mode exceeds the user's budget
 * @param detected   true when this is the mode the imported cluster runs
 */
public record ModeRow(ProxyMode mode, String name, Map<String, Band> values, Set<String> best, Set<String> overBudget,
                      boolean detected) {
    public ModeRow {
        values = Map.copyOf(values);
        best = Set.copyOf(best);
        overBudget = Set.copyOf(overBudget);
    }
}
