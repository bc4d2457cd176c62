package dev.kpp.model.units;

import java.util.Locale;

/** The unit a figure is in; the app's one number formatter renders each. */
public enum Unit {
    /** Rules evaluated or owned. */
    RULES,
    /** Hash, set or map lookups. */
    LOOKUPS,
    /** Kernel objects (rules, set elements, map entries, restore lines). */
    OBJECTS,
    /** A duration in seconds. */
    SECONDS,
    /** A duration in milliseconds. */
    MILLISECONDS,
    /** CPU cores. */
    CORES,
    /** A share, stored as a percentage (0..100). */
    PERCENT,
    /** A share, stored as a fraction (0..1). */
    FRACTION,
    /** Bytes. */
    BYTES,
    /** A count of Services. */
    SERVICES,
    /** A plain count. */
    COUNT;

    /** @return the JSON id */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
