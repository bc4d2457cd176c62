package dev.kpp.app.cli;

import dev.kpp.importer.file.DumpGenerator;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.model.scenario.ScenarioParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

/** {@code kpp generate}: a realistic kubectl dump of a synthetic cluster, for tests and benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Write a kubectl-shaped JSON dump (kind: List) of the synthetic cluster the scenario flags "
                + "describe: Namespaces, Services, EndpointSlices of at most 100 endpoints, Nodes and the kube-proxy "
                + "ConfigMap. Only the cluster-shape flags matter (services, endpoints, ports, shares, nodes, cores, "
                + "kernel, version, sync periods)."},
        footer = {"", "Examples:", "  kpp generate --services 10000 --endpoints-per-service 10 -o big.json",
            "  kpp generate --services 500 --endpoints-per-service 3 --nodeport-share 0.2 --nodes 5 -o small.json.gz"})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "File to write (atomically); a name ending in .gz is gzip-compressed.")
    Path output;

    @Override
    public Integer call() throws Exception {
        ScenarioParams p = scenario.resolve();
        Path abs = output.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        CliProgress bar = CliProgress.forTerminal(spec.commandLine().getErr());
        try {
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 OutputStream out = abs.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw) {
                DumpGenerator.write(p, out, bar, Cancellation.NEVER);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            bar.done();
            Files.deleteIfExists(tmp);
        }
        spec.commandLine().getErr().println(String.format(Locale.ROOT,
                "kpp: wrote %s (%,d bytes): %,d services x %d endpoints, %,d nodes", output, Files.size(abs),
                p.services(), p.endpointsPerService(), p.nodes()));
        return 0;
    }
}
