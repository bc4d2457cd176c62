package dev.kpp.importer;

import dev.kpp.importer.file.InputKind;
import dev.kpp.importer.file.InventoryCollector;
import dev.kpp.importer.codec.Parsers;
import dev.kpp.importer.file.SourceReader;
import dev.kpp.importer.spi.ObservedMetrics;
import dev.kpp.importer.spi.RuleDumpSummary;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportCancelledException;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportRequest;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.InventoryImporter;
import dev.kpp.importer.spi.ProgressListener;
import dev.kpp.importer.spi.SourceFile;
import dev.kpp.model.inventory.ClusterInventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Imports files: kubectl dumps (JSON/YAML, gzip, tar.gz bundles, directories), kpp snapshots,
 * kube-proxy {@code /metrics} text and node rule dumps, all recognised by content. Each file is
 * read completely or not at all: a bad file becomes an {@link ImportProblem.Severity#ERROR} and
 * the other files still import. Thread-safe as long as each call gets its own listener.
 */
public final class OfflineImporter implements InventoryImporter {
    /** Extensions taken from directories (explicitly named files are always read). */
    static final Set<String> DIRECTORY_EXTENSIONS = Set.of("json", "yaml", "yml", "gz", "tgz", "tar", "txt", "prom",
            "metrics", "iptables", "ipvs", "nft", "rules", "save");

    private final Clock clock;

    public OfflineImporter() {
        this(Clock.systemUTC());
    }

    /** @param clock the clock for {@link ImportResult#importedAt()} (tests fix it) */
    public OfflineImporter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean supports(ImportRequest request) {
        return request instanceof ImportRequest.Files;
    }

    @Override
    public ImportResult importInventory(ImportRequest request, ProgressListener progress, Cancellation cancel) {
        if (!(request instanceof ImportRequest.Files files)) {
            throw new IllegalArgumentException("the offline importer reads files, not " + request.describe());
        }
        return importPaths(files.paths(), progress, cancel);
    }

    /**
     * Imports the given files and directories.
     *
     * @param paths    files or directories (searched recursively)
     * @param progress receives bytes read / total bytes
     * @param cancel   polled while reading; a cancelled import returns what was read, flagged
     *                 {@link ImportResult#cancelled()}
     * @return the result; never throws for bad input
     */
    public ImportResult importPaths(List<Path> paths, ProgressListener progress, Cancellation cancel) {
        Instant at = clock.instant();
        List<ImportProblem> problems = new ArrayList<>();
        List<Path> files = expand(paths, problems);
        long total = 0;
        for (Path f : files) {
            try {
                total += Files.size(f);
            } catch (IOException e) {
                // reported when opened
            }
        }
        InventoryCollector all = new InventoryCollector(Parsers.YAML);
        SourceReader.Outputs out = new SourceReader.Outputs();
        SourceReader reader = new SourceReader(progress, cancel, total);
        boolean cancelled = false;
        for (Path f : files) {
            try {
                cancel.check();
                reader.read(f, all, out);
            } catch (ImportCancelledException e) {
                cancelled = true;
                break;
            }
        }
        problems.addAll(out.problems);
        progress.progress(total, total, ProgressListener.ASSEMBLING, "");
        ClusterInventory inv = all.build(name(paths, out.snapshotName));
        List<ImportProblem> allProblems = new ArrayList<>(problems);
        allProblems.addAll(all.problems());
        return new ImportResult(inv, out.metrics, out.ruleDumps, out.sources, allProblems, all.skippedKinds(),
                cancelled, at, out.redacted);
    }

    private static String name(List<Path> paths, String snapshotName) {
        if (paths.size() == 1) {
            if (snapshotName != null && !snapshotName.isEmpty()) {
                return snapshotName;
            }
            Path fn = paths.get(0).toAbsolutePath().normalize().getFileName();
            String n = fn == null ? "" : fn.toString();
            for (String ext : new String[] {".kpp.json", ".json.gz", ".yaml.gz", ".tar.gz", ".tgz", ".json", ".yaml",
                ".yml", ".gz"}) {
                if (n.endsWith(ext)) {
                    return n.substring(0, n.length() - ext.length());
                }
            }
            return n;
        }
        return paths.size() + " inputs";
    }

    /** Expands directories (recursively, sorted, known extensions only); reports missing paths. */
    static List<Path> expand(List<Path> paths, List<ImportProblem> problems) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(f -> {
                        String ext = extension(f);
                        if (DIRECTORY_EXTENSIONS.contains(ext) && !f.getFileName().toString().startsWith(".")) {
                            out.add(f);
                        } else {
                            problems.add(ImportProblem.warning("skipped-file", f.toString(), "",
                                    "not a known input extension (." + String.join(", .",
                                            new java.util.TreeSet<>(DIRECTORY_EXTENSIONS)) + ")"));
                        }
                    });
                } catch (IOException e) {
                    problems.add(ImportProblem.error("read-failed", p.toString(), "", e.getMessage()));
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else if (Files.exists(p)) {
                problems.add(ImportProblem.error("not-a-file", p.toString(), "", "not a regular file or directory"));
            } else {
                problems.add(ImportProblem.error("not-found", p.toString(), "", "no such file or directory"));
            }
        }
        return out;
    }

    private static String extension(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot >= 0 ? n.substring(dot + 1) : "";
    }

    /** @return the kinds of inputs in a result, counted (for summaries) */
    public static Map<String, Long> sourceKinds(ImportResult r) {
        Map<String, Long> m = new TreeMap<>();
        for (SourceFile s : r.sources()) {
            m.merge(s.kind(), 1L, Long::sum);
        }
        return m;
    }

    /** @return the metrics of a result (convenience for callers that need only them) */
    public static List<ObservedMetrics> metrics(ImportResult r) {
        return r.metrics();
    }

    /** @return the rule-dump summaries of a result */
    public static List<RuleDumpSummary> ruleDumps(ImportResult r) {
        return r.ruleDumps();
    }

    /** @return the kind ids this importer recognises */
    public static List<String> recognisedKinds() {
        List<String> ids = new ArrayList<>();
        for (InputKind k : InputKind.values()) {
            ids.add(k.id());
        }
        return ids;
    }
}
