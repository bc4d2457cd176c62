package dev.kpp.app.ui.results;

import dev.kpp.model.inventory.ProxyMode;

/**
 * Where one mode's curve crosses another's, or a budget, as the number of Services grows.
 *
 * @param metric   the metric
 * @param services Service count at the crossing (interpolated)
 * @param value    the metric's value there
 * @param mode     the mode whose curve crosses
 * @param other    the mode it crosses, or null when it crosses the budget
 * @param rising   true when {@code mode} goes above {@code other} (or the budget) as Services grow
 */
public record Crossover(Metric metric, double services, double value, ProxyMode mode, ProxyMode other,
                        boolean rising) {
    /** @return true for a budget crossing */
    public boolean isBudget() {
        return other == null;
    }
}
