package dev.kpp.importer.snapshot;

import dev.kpp.importer.spi.ObservedMetrics;
import dev.kpp.importer.spi.RuleDumpSummary;
import dev.kpp.model.inventory.ClusterInventory;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A saved import ({@code *.kpp.json}): the inventory, the observed metrics and rule-dump counts
 * beside it, and provenance. See docs/import.md for the format.
 *
 * @param provenance   where it came from
 * @param inventory    the inventory
 * @param metrics      kube-proxy metrics observed per node
 * @param ruleDumps    counts from node rule dumps
 * @param skippedKinds object kinds that were read but not used, with counts
 */
public record Snapshot(Provenance provenance, ClusterInventory inventory, List<ObservedMetrics> metrics,
                       List<RuleDumpSummary> ruleDumps, Map<String, Long> skippedKinds) {
    /** Value of the {@code format} field. */
    public static final String FORMAT = "kpp-snapshot";
    /** The version this kpp writes and reads. */
    public static final int VERSION = 1;
    /** File name suffix. */
    public static final String SUFFIX = ".kpp.json";

    public Snapshot {
        metrics = List.copyOf(metrics == null ? List.of() : metrics);
        ruleDumps = List.copyOf(ruleDumps == null ? List.of() : ruleDumps);
        skippedKinds = java.util.Collections.unmodifiableMap(new TreeMap<>(skippedKinds == null ? Map.of()
                : skippedKinds));
    }
}
