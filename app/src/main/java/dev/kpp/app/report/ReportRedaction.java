package dev.kpp.app.report;

import dev.kpp.importer.snapshot.Redactor;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.ObservedMetrics;
import dev.kpp.importer.spi.RuleDumpSummary;
import dev.kpp.importer.spi.SourceFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A shareable report's inventory: names, namespaces, node pools and addresses pseudonymised by the
 * importer's {@link Redactor} (counts, types, ports, versions, kernels and capacities kept, so every
 * number stays the same), input files renamed {@code input-1.json}..., their hashes and the parsers'
 * details dropped, and metric series reduced to the ones without labels (a label can name a node).
 */
public final class ReportRedaction {
    /** The source label of a redacted inventory report. */
    public static final String SOURCE = "inventory:redacted";

    private ReportRedaction() {
    }

    /** @return the import with everything identifying replaced or dropped */
    public static ImportResult redact(ImportResult r) {
        Map<String, String> files = new LinkedHashMap<>();
        List<SourceFile> sources = new ArrayList<>();
        for (SourceFile f : r.sources()) {
            sources.add(new SourceFile(file(files, f.path()), f.kind(), "", f.bytes(), f.objects()));
        }
        List<ObservedMetrics> metrics = new ArrayList<>();
        for (ObservedMetrics m : r.metrics()) {
            Map<String, Double> values = new LinkedHashMap<>();
            m.values().forEach((k, v) -> {
                if (!k.contains("{") || k.matches("[a-z_]+\\{table=\"[a-z]+\"\\}")) {
                    values.put(k, v);
                } else if (k.startsWith(Advice.LOCALHOST_NODEPORTS + "{")) {
                    values.put(Advice.LOCALHOST_NODEPORTS + "{series=\"" + values.size() + "\"}", v);
                }
            });
            metrics.add(new ObservedMetrics(file(files, m.source()), m.histograms(), values, m.otherSeries()));
        }
        List<RuleDumpSummary> rules = new ArrayList<>();
        for (RuleDumpSummary d : r.ruleDumps()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            d.counts().forEach((k, v) -> {
                if (!k.contains("/chain/")) {
                    counts.put(k, v);
                }
            });
            rules.add(new RuleDumpSummary(file(files, d.source()), d.kind(), counts));
        }
        List<ImportProblem> problems = new ArrayList<>();
        for (ImportProblem p : r.problems()) {
            problems.add(new ImportProblem(p.severity(), p.code(), file(files, p.source()), "", ""));
        }
        return new ImportResult(new Redactor().inventory(r.inventory()), metrics, rules, sources, problems,
                r.skippedKinds(), r.cancelled(), r.importedAt(), true);
    }

    private static String file(Map<String, String> names, String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        return names.computeIfAbsent(path, p -> {
            String base = p.substring(Math.max(p.lastIndexOf('/'), Math.max(p.lastIndexOf('\\'), p.lastIndexOf('!')))
                    + 1);
            int dot = base.indexOf('.');
            String ext = dot >= 0 ? base.substring(dot).replaceAll("[^A-Za-z0-9.]", "") : "";
            return "input-" + (names.size() + 1) + ext;
        });
    }
}
