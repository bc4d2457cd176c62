package dev.kpp.app.cli;

import dev.kpp.app.text.AppInfo;
import dev.kpp.app.text.TerminalText;
import dev.kpp.importer.OfflineImporter;
import dev.kpp.importer.file.ImportLimits;
import dev.kpp.importer.io.SafeOutput;
import dev.kpp.importer.spi.InventoryImporter;
import dev.kpp.importer.snapshot.Redactor;
import dev.kpp.importer.snapshot.Snapshot;
import dev.kpp.importer.snapshot.SnapshotCodec;
import dev.kpp.importer.spi.ImportRequest;
import dev.kpp.importer.spi.ClusterSource;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.inventory.ClusterInventory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kpp import}: reads dumps, metrics and rule dumps into a snapshot file. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Import kubectl dumps (JSON/YAML, .gz, .tar.gz, directories), kube-proxy /metrics text and "
                + "node rule dumps (iptables-save, ipvsadm -Ln, nft list ruleset) into one snapshot file.",
            "A bad file is reported and skipped; the others still import (exit code 1 when any file was rejected). "
                + "'-' reads standard input; pipes such as <(kubectl ...) are read as they stream.",
            "With --context (or --kubeconfig), read a live cluster instead, read-only, through a kubeconfig context."},
        footer = {"", "Examples:",
            "  kubectl get services,endpointslices,nodes -A -o json > cluster.json",
            "  kubectl -n kube-system get configmap kube-proxy -o yaml > kube-proxy.yaml",
            "  kpp import cluster.json kube-proxy.yaml -o cluster.kpp.json",
            "  kubectl get services,endpointslices,nodes -A -o json | kpp import - -o cluster.kpp.json",
            "  kpp import <(kubectl get nodes -o json) dumps/ metrics.txt --redact -o shared.kpp.json",
            "  kpp import --context prod -o prod.kpp.json --with-metrics 3",
            "  kpp import --kubeconfig ~/.kube/staging.yaml --page-size 2000 -o staging.kpp.json"})
final class ImportCommand implements Callable<Integer> {
    private final CliContext context;

    ImportCommand(CliContext context) {
        this.context = context;
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or directories to import; '-' is "
            + "standard input (none with --context).")
    List<Path> paths;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "Snapshot to write (atomically), conventionally *.kpp.json; '-' writes it to standard "
                    + "output. Never one of the inputs, a device or a directory.")
    Path output;

    @Option(names = "--redact", description = "Replace names, namespaces and IP addresses by stable pseudonyms "
            + "(counts, types, ports and policies are kept).")
    boolean redact;

    @Option(names = "--max-input-bytes", paramLabel = "BYTES", defaultValue = "" + ImportLimits.DEFAULT_MAX_TOTAL_BYTES,
            description = "Most bytes read in total after decompression (default: ${DEFAULT-VALUE}, 16 GiB).")
    long maxInputBytes;

    @Option(names = "--max-expansion", paramLabel = "X", defaultValue = "1000",
            description = "Most a compressed file may expand, as a ratio (default: ${DEFAULT-VALUE}).")
    double maxExpansion;

    @Override
    public Integer call() throws Exception {
        boolean hasPaths = paths != null && !paths.isEmpty();
        if (cluster.live()) {
            if (hasPaths) {
                throw new Cli.UsageException("give files to import or --context, not both");
            }
            SafeOutput.check(output, List.of());
            return live();
        }
        if (!hasPaths) {
            throw new Cli.UsageException("give files or directories to import, or --context NAME for a live cluster");
        }
        if (maxInputBytes < 1) {
            throw new Cli.UsageException("--max-input-bytes must be at least 1 (got " + maxInputBytes + ")");
        }
        if (!(maxExpansion >= 1)) {
            throw new Cli.UsageException("--max-expansion must be at least 1 (got " + maxExpansion + ")");
        }
        SafeOutput.check(output, paths); // refuse a bad target before reading anything
        ImportLimits limits = new ImportLimits(maxInputBytes, maxExpansion);
        InventoryImporter importer = limits.equals(ImportLimits.defaults()) ? context.importer()
                : new OfflineImporter().withLimits(limits);
        ImportResult r = Imports.run(importer, new ImportRequest.Files(paths), context.texts(),
                spec.commandLine().getErr());
        Snapshot snapshot = snapshot(r, AppInfo.version());
        if (redact) {
            snapshot = new Redactor().redact(snapshot);
        }
        Snapshot s = snapshot;
        Output.write(spec, output, paths, out -> SnapshotCodec.write(s, out));
        ClusterInventory inv = snapshot.inventory();
        spec.commandLine().getErr().println(String.format(Locale.ROOT,
                "kpp: wrote %s: %,d services, %,d endpoint slices, %,d nodes, %d metrics file(s), %d rule dump(s) "
                        + "from %d input(s)%s; %d error(s), %d warning(s)",
                SafeOutput.isStdout(output) ? "the snapshot to standard output" : TerminalText.escape(output.toString()),
                inv.services().size(), inv.endpointSlices().size(), inv.nodes().size(), snapshot.metrics().size(),
                snapshot.ruleDumps().size(), r.sources().size(), redact ? ", redacted" : "", r.errors().size(),
                r.warnings().size()));
        return r.errors().isEmpty() ? 0 : Cli.EXIT_FAILURE;
    }

    /** Imports a live cluster; writes the snapshot unless the import failed, or is partial without --keep-partial. */
    private int live() {
        java.io.PrintWriter err = spec.commandLine().getErr();
        int[] code = {0};
        ClusterImports.run(cluster, err, r -> code[0] = keep(r, err));
        return code[0];
    }

    private int keep(ImportResult r, java.io.PrintWriter err) {
        ClusterSource c = r.cluster().orElse(null);
        if (r.sources().isEmpty() && !r.cancelled()) {
            err.println("kpp: nothing was imported" + (c == null || c.context().isEmpty() ? ""
                    : " from context " + c.context()) + "; no snapshot written");
            return Cli.EXIT_FAILURE;
        }
        if (r.partial() && !cluster.keepPartial) {
            err.println(r.cancelled() ? "kpp: cancelled; no snapshot written (--keep-partial keeps what was read)"
                    : "kpp: " + String.join(", ", c.incompleteKinds()) + " could not be read completely; no snapshot "
                    + "written (--keep-partial writes it, marked partial)");
            return r.cancelled() ? 130 : Cli.EXIT_FAILURE;
        }
        Snapshot snapshot = snapshot(r, AppInfo.version());
        if (redact) {
            snapshot = new Redactor().redact(snapshot);
        }
        try {
            SnapshotCodec.save(snapshot, output);
        } catch (java.io.IOException e) {
            err.println("kpp: cannot write " + output + ": " + e.getMessage());
            return Cli.EXIT_FAILURE;
        }
        ClusterInventory inv = snapshot.inventory();
        err.println(String.format(Locale.ROOT, "kpp: wrote %s: %,d services, %,d endpoint slices, %,d nodes, "
                        + "%d metrics scrape(s) from context %s (%s) in %.1f s%s%s; %d error(s), %d warning(s)", output,
                inv.services().size(), inv.endpointSlices().size(), inv.nodes().size(), snapshot.metrics().size(),
                c.context(), c.server(), c.elapsed().toMillis() / 1000.0, r.partial() ? ", PARTIAL" : "",
                redact ? ", redacted" : "", r.errors().size(), r.warnings().size()));
        if (!c.forbiddenKinds().isEmpty()) {
            err.println("kpp: not allowed to list: " + String.join(", ", c.forbiddenKinds())
                    + " (the snapshot lacks them)");
        }
        return r.partial() ? Cli.EXIT_FAILURE : 0;
    }

    /** @return the snapshot of an import result (a live import's context, server and version in its provenance) */
    static Snapshot snapshot(ImportResult r, String kppVersion) {
        return Snapshot.of(r, kppVersion);
    }
}
