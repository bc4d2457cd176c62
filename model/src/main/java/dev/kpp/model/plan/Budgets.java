package dev.kpp.model.plan;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * User-set limits per metric ("sync under 1 s", "CPU under 0.25 core"). A metric without an entry
 * has no budget. Immutable.
 *
 * @param limits metric to limit
 */
public record Budgets(Map<Metric, Double> limits) {
    public Budgets {
        EnumMap<Metric, Double> copy = new EnumMap<>(Metric.class);
        if (limits != null) {
            limits.forEach((m, v) -> {
                if (v == null || Double.isNaN(v) || v < 0) {
                    throw new IllegalArgumentException("a budget must be a number >= 0: " + m.key() + "=" + v);
                }
                copy.put(m, v);
            });
        }
        limits = Collections.unmodifiableMap(copy);
    }

    /** @return no budgets */
    public static Budgets none() {
        return new Budgets(Map.of());
    }

    /** @return the limit for a metric, if set */
    public OptionalDouble limit(Metric metric) {
        Double v = limits.get(metric);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** @return a copy with the limit set ({@code null} removes it) */
    public Budgets with(Metric metric, Double limit) {
        Map<Metric, Double> copy = new LinkedHashMap<>(limits);
        if (limit == null) {
            copy.remove(metric);
        } else {
            copy.put(metric, limit);
        }
        return new Budgets(copy);
    }

    /** @return true when the value exceeds the metric's budget */
    public boolean exceeds(Metric metric, double value) {
        OptionalDouble l = limit(metric);
        return l.isPresent() && value > l.getAsDouble();
    }

    /** @return metric key to limit (for files and JSON), in metric order */
    public Map<String, Double> byKey() {
        Map<String, Double> out = new LinkedHashMap<>();
        limits.forEach((m, v) -> out.put(m.key(), v));
        return out;
    }
}
