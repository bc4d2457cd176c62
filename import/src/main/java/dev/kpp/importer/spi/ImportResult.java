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
 */
public record ImportResult(ClusterInventory inventory, List<ObservedMetrics> metrics, List<RuleDumpSummary> ruleDumps,
                           List<SourceFile> sources, List<ImportProblem> problems, Map<String, Long> skippedKinds,
                           boolean cancelled, Instant importedAt, boolean redacted) {
    public ImportResult {
        metrics = List.copyOf(metrics);
        ruleDumps = List.copyOf(ruleDumps);
        sources = List.copyOf(sources);
        problems = List.copyOf(problems);
        skippedKinds = java.util.Collections.unmodifiableMap(new TreeMap<>(skippedKinds));
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
