package dev.kpp.app.ui.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * User-set limits per metric (e.g. "rules per connection under 1,000", "sync under 1 s"). A metric
 * without an entry has no budget. Immutable.
 *
 * @param limits metric key to limit, in insertion order
 */
public record Budgets(Map<String, Double> limits) {
    public Budgets {
        limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits == null ? Map.of() : limits));
    }

    /** @return no budgets */
    public static Budgets none() {
        return new Budgets(Map.of());
    }

    /** @return the limit for a metric, if set */
    public OptionalDouble limit(String metricKey) {
        Double v = limits.get(metricKey);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** @return a copy with the limit set ({@code null} removes it) */
    public Budgets with(String metricKey, Double limit) {
        Map<String, Double> copy = new LinkedHashMap<>(limits);
        if (limit == null) {
            copy.remove(metricKey);
        } else {
            copy.put(metricKey, limit);
        }
        return new Budgets(copy);
    }
}
