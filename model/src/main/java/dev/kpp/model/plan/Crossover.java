package dev.kpp.model.plan;

import dev.kpp.model.inventory.ProxyMode;

import java.util.OptionalDouble;

/**
 * Where one mode's curve crosses another's, or a budget, as the number of Services grows.
 *
 * @param metric   the metric
 * @param services Service count at the crossing (interpolated on a log axis between sweep points)
 * @param value    the metric's value there
 * @param mode     the mode whose curve crosses
 * @param other    the mode it crosses, or null when it crosses the budget
 * @param rising   true when {@code mode} goes above {@code other} (or the budget) as Services grow
 * @param budget   the budget crossed (empty for a crossing of two modes)
 */
public record Crossover(Metric metric, double services, double value, ProxyMode mode, ProxyMode other,
                        boolean rising, OptionalDouble budget) {
    /** @return true for a budget crossing */
    public boolean isBudget() {
        return other == null;
    }
}
