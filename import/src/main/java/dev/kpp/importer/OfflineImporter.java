package dev.kpp.importer;

import dev.kpp.importer.codec.Parsers;
import dev.kpp.importer.file.ImportLimits;
import dev.kpp.importer.file.InputKind;
import dev.kpp.importer.file.InventoryCollector;
import dev.kpp.importer.file.SourceReader;
import dev.kpp.importer.io.IoErrors;
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
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

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
    private final ImportLimits limits;
    private final Supplier<InputStream> stdin;

    public OfflineImporter() {
        this(Clock.systemUTC());
    }

    /** @param clock the clock for {@link ImportResult#importedAt()} (tests fix it) */
    public OfflineImporter(Clock clock) {
        this(clock, ImportLimits.defaults(), () -> System.in);
    }

    /**
     * @param clock  the clock for {@link ImportResult#importedAt()}
     * @param limits bounds on the bytes read (total after decompression, expansion of compressed files)
     * @param stdin  what the path {@code -} reads
     */
    public OfflineImporter(Clock clock, ImportLimits limits, Supplier<InputStream> stdin) {
        this.clock = clock;
        this.limits = limits;
        this.stdin = stdin;
    }

    /**
     * Starts reading a big kubectl JSON List on the second core before an import asks for it (the
     * command line calls this while it parses its arguments). The next import that reads this
     * file first, under this name, takes what was read; otherwise it is stopped. The outcome is
     * the same either way ({@link dev.kpp.importer.file.SplitRead}).
     *
     * @return true when the file is read ahead
     */
    public static boolean readAhead(Path file) {
        return dev.kpp.importer.file.SplitRead.readAhead(file);
    }

    /** @return an importer like this one with other limits */
    public OfflineImporter withLimits(ImportLimits newLimits) {
        return new OfflineImporter(clock, newLimits, stdin);
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
        List<Input> files = expand(paths, problems);
        long total = 0;
        for (Input f : files) {
            try {
                if (Files.isRegularFile(f.path())) {
                    total += Files.size(f.path());
                }
            } catch (IOException e) {
                // reported when opened
            }
        }
        InventoryCollector all = new InventoryCollector(Parsers.YAML);
        SourceReader.Outputs out = new SourceReader.Outputs();
        SourceReader reader = new SourceReader(progress, cancel, total, limits, stdin);
        boolean cancelled = false;
        for (Input f : files) {
            try {
                cancel.check();
                reader.read(f.path(), f.explicit(), all, out);
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

    /** One file to read, and whether the user named it (or it was found in a directory). */
    record Input(Path path, boolean explicit) {
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

    /**
     * Expands directories (recursively, sorted, known extensions only; symbolic links to files are
     * read, links to directories are not followed); reports missing paths, devices, and
     * sub-directories or files that cannot be read (skipped, the rest still imports). {@code -}
     * (standard input) and pipes ({@code <(kubectl ...)}) are read as streams.
     */
    static List<Input> expand(List<Path> paths, List<ImportProblem> problems) {
        List<Input> out = new ArrayList<>();
        for (Path p : paths) {
            if (p.toString().equals(SourceReader.STDIN)) {
                out.add(new Input(p, true));
            } else if (Files.isDirectory(p)) {
                walk(p, out, problems);
            } else if (Files.isRegularFile(p)) {
                out.add(new Input(p, true));
            } else if (Files.exists(p)) {
                String kind = specialKind(p);
                if (kind.equals("FIFO") || kind.equals("socket")) {
                    out.add(new Input(p, true)); // a pipe: process substitution, or a named pipe
                } else {
                    problems.add(ImportProblem.error("not-a-file", p.toString(), "", "a " + kind
                            + ", not a regular file, directory or pipe"));
                }
            } else {
                problems.add(ImportProblem.error("not-found", p.toString(), "", "no such file or directory"));
            }
        }
        return out;
    }

    private static void walk(Path dir, List<Input> out, List<ImportProblem> problems) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                    if (a.isRegularFile() || (a.isSymbolicLink() && Files.isRegularFile(f))) {
                        found.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    problems.add(ImportProblem.error("read-failed", f.toString(), "", IoErrors.reason(e)
                            + (Files.isDirectory(f) ? "; the directory was skipped" : "")));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) {
                    if (e != null) {
                        problems.add(ImportProblem.error("read-failed", d.toString(), "", IoErrors.reason(e)
                                + "; the rest of the directory was skipped"));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(ImportProblem.error("read-failed", dir.toString(), "", IoErrors.reason(e)));
        }
        found.sort(null);
        for (Path f : found) {
            String ext = extension(f);
            boolean hidden = f.getFileName().toString().startsWith(".");
            if (DIRECTORY_EXTENSIONS.contains(ext) && !hidden) {
                out.add(new Input(f, false));
            } else if (hidden) {
                problems.add(ImportProblem.warning("skipped-file", f.toString(), "", "a hidden file; name it to "
                        + "import it"));
            } else {
                problems.add(ImportProblem.warning("skipped-file", f.toString(), "",
                        "not a known input extension (." + String.join(", .",
                                new java.util.TreeSet<>(DIRECTORY_EXTENSIONS)) + ")"));
            }
        }
    }

    /** @return FIFO, socket, character device, block device or special file */
    private static String specialKind(Path p) {
        try {
            Object mode = Files.getAttribute(p, "unix:mode");
            if (mode instanceof Integer m) {
                switch (m & 0170000) {
                    case 0010000:
                        return "FIFO";
                    case 0140000:
                        return "socket";
                    case 0020000:
                        return "character device";
                    case 0060000:
                        return "block device";
                    default:
                        break;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view
        }
        return "special file";
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
