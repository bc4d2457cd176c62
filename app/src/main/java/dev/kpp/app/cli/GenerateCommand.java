package dev.kpp.app.cli;

import dev.kpp.app.text.TerminalText;
import dev.kpp.importer.file.DumpGenerator;
import dev.kpp.importer.io.SafeOutput;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ProgressListener;
import dev.kpp.model.scenario.ScenarioParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

/** {@code kpp generate}: a realistic kubectl dump of a synthetic cluster, for tests and benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Write a kubectl-shaped JSON dump (kind: List) of the synthetic cluster the scenario flags "
                + "describe: Namespaces, Services, EndpointSlices of at most 100 endpoints, Nodes and the kube-proxy "
                + "ConfigMap. Only the cluster-shape flags matter (services, endpoints, ports, shares, nodes, cores, "
                + "kernel, version, sync periods).",
            "The size is estimated first: above 1 GB the dump is written only with --force, and never when it "
                + "would not fit on the disk."},
        footer = {"", "Examples:", "  kpp generate --services 10000 --endpoints-per-service 10 -o big.json",
            "  kpp generate --services 500 --endpoints-per-service 3 --nodeport-share 0.2 --nodes 5 -o small.json.gz"})
final class GenerateCommand implements Callable<Integer> {
    /** Estimated sizes above this need {@code --force}. */
    static final long FORCE_ABOVE = 1_000_000_000L;

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "File to write (atomically); a name ending in .gz is gzip-compressed; '-' is standard "
                    + "output.")
    Path output;

    @Option(names = "--force", description = "Write a dump estimated above 1 GB.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        ScenarioParams p = scenario.resolve();
        boolean gzip = !SafeOutput.isStdout(output) && output.toString().endsWith(".gz");
        SafeOutput.check(output, List.of());
        long estimate = estimate(p, gzip);
        if (estimate > FORCE_ABOVE && !force) {
            throw new Cli.UsageException(String.format(Locale.ROOT, "the dump would be about %s%s; add --force to "
                    + "write it", size(estimate), gzip ? " compressed" : ""));
        }
        if (!SafeOutput.isStdout(output)) {
            long free = usableSpace(output);
            if (free >= 0 && estimate > free) {
                throw new Cli.UsageException(String.format(Locale.ROOT, "the dump would be about %s but only %s is "
                        + "free there; not written", size(estimate), size(free)));
            }
        }
        CliProgress bar = CliProgress.forTerminal(spec.commandLine().getErr());
        try {
            Output.write(spec, output, List.of(), out -> {
                if (gzip) {
                    GZIPOutputStream gz = new GZIPOutputStream(new NonClosing(out), 1 << 16);
                    DumpGenerator.write(p, gz, bar, Cancellation.NEVER);
                    gz.finish();
                    gz.flush();
                } else {
                    DumpGenerator.write(p, out, bar, Cancellation.NEVER);
                }
            });
        } finally {
            bar.done();
        }
        if (!SafeOutput.isStdout(output)) {
            spec.commandLine().getErr().println(String.format(Locale.ROOT,
                    "kpp: wrote %s (%,d bytes): %,d services x %d endpoints, %,d nodes",
                    TerminalText.escape(output.toString()), Files.size(output), p.services(), p.endpointsPerService(),
                    p.nodes()));
        }
        return 0;
    }

    /**
     * Estimates the dump's size from three small dumps of the same shape: bytes = fixed + services x
     * (per Service + per endpoint x endpoints), compressed at the small dumps' gzip ratio.
     */
    static long estimate(ScenarioParams p, boolean gzip) throws IOException {
        int e0 = Math.max(1, Math.min(p.endpointsPerService(), 100));
        long s = p.services();
        Counter c1 = sample(p.withServices(Math.min(20, s)).withEndpointsPerService(e0), false);
        if (s <= 20 && p.endpointsPerService() == e0) {
            return gzip ? sample(p, true).bytes : c1.bytes;
        }
        Counter c2 = sample(p.withServices(40).withEndpointsPerService(e0), false);
        double perService = (c2.bytes - c1.bytes) / 20.0;
        double perEndpoint = 0;
        Counter last = c2;
        if (p.endpointsPerService() > e0) {
            Counter c3 = sample(p.withServices(40).withEndpointsPerService(2 * e0), false);
            perEndpoint = (c3.bytes - c2.bytes) / (40.0 * e0);
            last = c3;
        }
        double fixed = c1.bytes - Math.min(20, s) * perService;
        double bytes = fixed + s * (perService + perEndpoint * (p.endpointsPerService() - e0));
        if (gzip) {
            ScenarioParams shape = p.withServices(40).withEndpointsPerService(last == c2 ? e0 : 2 * e0);
            bytes *= sample(shape, true).bytes / (double) last.bytes;
        }
        return (long) Math.min(Long.MAX_VALUE / 2, Math.max(0, bytes));
    }

    private static Counter sample(ScenarioParams p, boolean gzip) throws IOException {
        Counter c = new Counter();
        if (gzip) {
            try (GZIPOutputStream gz = new GZIPOutputStream(c, 1 << 16)) {
                DumpGenerator.write(p, gz, ProgressListener.NONE, Cancellation.NEVER);
            }
        } else {
            DumpGenerator.write(p, c, ProgressListener.NONE, Cancellation.NEVER);
        }
        return c;
    }

    /** @return usable bytes where the file would go, or -1 when unknown */
    private static long usableSpace(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        while (dir != null && !Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        try {
            FileStore store = dir == null ? null : Files.getFileStore(dir);
            return store == null ? -1 : store.getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    static String size(long bytes) {
        double b = bytes;
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB"};
        int u = 0;
        while (b >= 1000 && u < units.length - 1) {
            b /= 1000;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%,d bytes", bytes) : String.format(Locale.ROOT, "%.1f %s", b,
                units[u]);
    }

    /** Counts bytes, keeps none. */
    private static final class Counter extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    /** Keeps the gzip stream from closing the file's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
