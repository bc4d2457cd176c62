package dev.kpp.importer.spi;

import dev.kpp.importer.spi.ObservedMetrics;
import dev.kpp.importer.spi.RuleDumpSummary;
import dev.kpp.model.inventory.ClusterInventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import produced: the inventory, observed measurements beside it, and what went wrong.
 *
 * @param inventory    the inventory (empty when nothing could be read)
 * @param metrics      kube-proxy metrics, one entry per metrics file
 * @param ruleDumps    counts from node rule dumps
 * @param sources      the inputs that were read successfully
 * @param problems     errors (files rejected) and warnings (objects skipped)
 * @param skippedKinds kinds that were read but are not used, with counts
 * @param cancelled    the import was cancelled: the inventory is partial
 * @param importedAt   when the import ran
 * @param redacted     some input was a redacted snapshot
 * @param cluster      for a live import: the context, server and what was listed per kind; empty for files
 */
public record ImportResult(ClusterInventory inventory, List<ObservedMetrics> metrics, List<RuleDumpSummary> ruleDumps,
                           List<SourceFile> sources, List<ImportProblem> problems, Map<String, Long> skippedKinds,
                           boolean cancelled, Instant importedAt, boolean redacted,
                           java.util.Optional<ClusterSource> cluster) {
    public ImportResult {
        cluster = cluster == null ? java.util.Optional.empty() : cluster;
        metrics = List.copyOf(metrics);
        ruleDumps = List.copyOf(ruleDumps);
        sources = List.copyOf(sources);
        problems = List.copyOf(problems);
        skippedKinds = java.util.Collections.unmodifiableMap(new TreeMap<>(skippedKinds));
    }

    /** A result of a file import (no cluster source). */
    public ImportResult(ClusterInventory inventory, List<ObservedMetrics> metrics, List<RuleDumpSummary> ruleDumps,
                        List<SourceFile> sources, List<ImportProblem> problems, Map<String, Long> skippedKinds,
                        boolean cancelled, Instant importedAt, boolean redacted) {
        this(inventory, metrics, ruleDumps, sources, problems, skippedKinds, cancelled, importedAt, redacted,
                java.util.Optional.empty());
    }

    /**
     * @return true when the inventory lacks something that was asked for: the import was cancelled,
     *         or a kind of a live import failed (forbidden kinds do not count: they are listed)
     */
    public boolean partial() {
        return cancelled || cluster.map(c -> !c.incompleteKinds().isEmpty()).orElse(false);
    }

    /** @return the errors: files that contributed nothing */
    public List<ImportProblem> errors() {
        return problems.stream().filter(p -> p.severity() == ImportProblem.Severity.ERROR).toList();
    }

    /** @return the warnings: skipped objects and ignored settings */
    public List<ImportProblem> warnings() {
        return problems.stream().filter(p -> p.severity() == ImportProblem.Severity.WARNING).toList();
    }
}
