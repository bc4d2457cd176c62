package dev.kpp.app.ui.results;

import dev.kpp.model.plan.ModePrediction;

import java.util.Objects;
import java.util.function.Function;

/**
 * One figure the window compares across modes: a table column and, when {@code chartable}, a chart.
 *
 * @param key        stable identifier (scenario files store budgets by it)
 * @param labelKey   messages key of the label
 * @param unitKey    messages key of the unit
 * @param value      how to read the figure (with its band) from a mode's prediction
 * @param logY       true when the chart's y axis should be logarithmic
 * @param chartable  true when it makes sense to chart it against the number of Services
 * @param budgetable true when a user budget (horizontal line) applies to it
 */
public record Metric(String key, String labelKey, String unitKey, Function<ModePrediction, Band> value, boolean logY,
                     boolean chartable, boolean budgetable) {
    public Metric {
        Objects.requireNonNull(key);
        Objects.requireNonNull(value);
    }

    /** @return the figure for one mode */
    public Band of(ModePrediction prediction) {
        return value.apply(prediction);
    }
}
