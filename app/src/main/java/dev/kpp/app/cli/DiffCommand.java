package dev.kpp.app.cli;

import dev.kpp.app.report.InventoryFormats;
import dev.kpp.app.report.PredictionFormats;
import dev.kpp.importer.spi.ImportRequest;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.inventory.InventoryDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kpp diff}: growth between two snapshots (or dumps). */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Compare two snapshots or dumps of a cluster: Services added, removed and changed, "
                + "endpoints, NodePorts, nodes and growth per namespace."},
        footer = {"", "Example:", "  kpp diff january.kpp.json june.kpp.json"})
final class DiffCommand implements Callable<Integer> {
    private final CliContext context;

    DiffCommand(CliContext context) {
        this.context = context;
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The earlier snapshot or dump.")
    Path before;

    @Parameters(index = "1", paramLabel = "B", description = "The later snapshot or dump.")
    Path after;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        if (format == OutputFormat.CSV) {
            throw new Cli.UsageException("diff supports --format table or json");
        }
        ImportResult a = Imports.run(context.importer(), ImportRequest.Files.of(before), context.texts(),
                spec.commandLine().getErr());
        ImportResult b = Imports.run(context.importer(), ImportRequest.Files.of(after), context.texts(),
                spec.commandLine().getErr());
        InventoryDiff d = InventoryDiff.compare(a.inventory(), b.inventory());
        String text = format == OutputFormat.JSON
                ? PredictionFormats.mapper().writeValueAsString(InventoryFormats.diffJson(d, before.toString(),
                        after.toString())) + "\n"
                : InventoryFormats.diffTable(d, before.toString(), after.toString());
        Output.write(spec, null, text);
        return a.errors().isEmpty() && b.errors().isEmpty() ? 0 : Cli.EXIT_FAILURE;
    }
}
