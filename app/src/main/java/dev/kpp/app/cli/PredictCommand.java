package dev.kpp.app.cli;

import dev.kpp.app.report.Advice;
import dev.kpp.app.report.PredictionFormats;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.plan.PlanInput;
import dev.kpp.model.plan.Prediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kpp predict}: every mode's rules, costs and per-connection work for one scenario. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Predict every proxy mode for one scenario: a built-in sample, your own numbers, an imported "
                + "inventory, or a mix (flags override the base)."},
        footer = {"", "JSON output is a stable contract, documented in docs/cli.md.", "",
            "Examples:", "  kpp predict --sample tigera-10k",
            "  kpp predict --sample growth-4k --services 12k --format json -o plan.json",
            "  kpp predict --inventory cluster.kpp.json --services 12000"})
final class PredictCommand extends ScenarioCommand implements Callable<Integer> {
    PredictCommand(CliContext context) {
        super(context);
    }

    @Mixin
    AdviceOptions advice;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table, json or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() throws Exception {
        InventoryOptions.Resolved resolved = resolve();
        PlanInput input = resolved.input();
        ImportResult imported = resolved.imported();
        Prediction prediction = context.planner().predict(input);
        String text = switch (format) {
            case JSON -> PredictionFormats.json(input, prediction, imported, Advice.advise(context.planner(), input,
                    imported, advice.currentMode(), advice.budgets(), advice.options(context.clock()))
                    .recommendation());
            case CSV -> PredictionFormats.csv(prediction);
            case TABLE -> PredictionFormats.table(prediction, input.source(), input.assumptions())
                    + (imported == null ? "" : inventoryLine(imported));
        };
        write(output, text);
        return 0;
    }

    /** @return one line about the imported inventory, under the table */
    static String inventoryLine(ImportResult r) {
        var s = dev.kpp.model.plan.InventorySummary.of(r.inventory());
        return String.format(Locale.ROOT,
                "inventory: '%s', %,d Services (%,d proxied), %,d ready endpoints, %,d nodes, %d input(s)%s%n",
                r.inventory().name(), s.services(), s.proxied(), s.endpoints().ready(), s.nodes(),
                r.sources().size(), r.redacted() ? ", redacted" : "");
    }
}
