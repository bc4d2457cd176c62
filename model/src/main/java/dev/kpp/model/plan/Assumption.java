package dev.kpp.model.plan;

import java.util.Objects;

/**
 * A fact a prediction needed but the inventory did not give (or gave out of range), and what kpp used
 * instead. Predictions never substitute a default silently: the window, the CLI and the reports list
 * these.
 *
 * @param code  what happened
 * @param field the scenario input concerned (its JSON key, e.g. {@code nodes})
 * @param used  the value used, as text
 * @param seen  what the inventory said, as text ("" when it said nothing)
 */
public record Assumption(Code code, String field, String used, String seen) {
    /** What kind of substitution was made. */
    public enum Code {
        /** The inventory says nothing about this input; kpp's default (or the user's value) is used. */
        DEFAULT_USED,
        /** The inventory's value is outside what kpp plans for; the nearest limit is used. */
        CAPPED,
        /** The inventory has several values (e.g. kernels per node); the most common is used. */
        MOST_COMMON_USED,
        /** The inventory's values differ per Service; their mean (rounded) is shown, the real ones are used. */
        MEAN_SHOWN
    }

    public Assumption {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(field, "field");
        used = used == null ? "" : used;
        seen = seen == null ? "" : seen;
    }

    /** @return the JSON id of the code */
    public String codeId() {
        return code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
