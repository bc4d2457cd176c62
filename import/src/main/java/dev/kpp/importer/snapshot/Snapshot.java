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

    /**
     * The snapshot of an import result, as {@code kpp import} and the window's "Save snapshot" write it:
     * a live import's context, server and server version go into the provenance.
     *
     * @param r          the import result
     * @param kppVersion the version of kpp that imported it
     * @return the snapshot
     */
    public static Snapshot of(dev.kpp.importer.spi.ImportResult r, String kppVersion) {
        dev.kpp.importer.spi.ClusterSource c = r.cluster().orElse(null);
        Provenance p = c == null
                ? new Provenance(kppVersion, r.importedAt(), "", r.redacted(), r.cancelled(), r.sources())
                : new Provenance(kppVersion, r.importedAt(), c.context(), r.redacted(), r.partial(), r.sources(),
                        c.server(), c.serverVersion());
        return new Snapshot(p, r.inventory(), r.metrics(), r.ruleDumps(), r.skippedKinds());
    }

    public Snapshot {
        metrics = List.copyOf(metrics == null ? List.of() : metrics);
        ruleDumps = List.copyOf(ruleDumps == null ? List.of() : ruleDumps);
        skippedKinds = java.util.Collections.unmodifiableMap(new TreeMap<>(skippedKinds == null ? Map.of()
                : skippedKinds));
    }
}
