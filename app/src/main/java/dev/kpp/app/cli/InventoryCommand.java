package dev.kpp.app.cli;

import dev.kpp.app.report.InventoryFormats;
import dev.kpp.app.report.PredictionFormats;
import dev.kpp.importer.spi.ImportRequest;
import dev.kpp.importer.spi.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kpp inventory}: what a dump or snapshot holds. */
@Command(name = "inventory", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Summarise dumps or snapshots: Services by type, endpoints per Service, nodes, kernels, "
                + "kube-proxy mode, observed metrics, rule dumps and problems."},
        footer = {"", "Examples:", "  kpp inventory cluster.json", "  kpp inventory cluster.kpp.json --format json"})
final class InventoryCommand implements Callable<Integer> {
    private final CliContext context;

    InventoryCommand(CliContext context) {
        this.context = context;
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Dumps, snapshots or directories.")
    List<Path> paths;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        if (format == OutputFormat.CSV) {
            throw new Cli.UsageException("inventory supports --format table or json");
        }
        ImportResult r = Imports.run(context.importer(), new ImportRequest.Files(paths), context.texts(),
                spec.commandLine().getErr());
        String text = format == OutputFormat.JSON
                ? PredictionFormats.mapper().writeValueAsString(InventoryFormats.json(r)) + "\n"
                : InventoryFormats.table(r);
        Output.write(spec, null, text);
        return r.errors().isEmpty() ? 0 : Cli.EXIT_FAILURE;
    }
}
