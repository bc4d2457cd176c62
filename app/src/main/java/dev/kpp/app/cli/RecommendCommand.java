package dev.kpp.app.cli;

import dev.kpp.app.report.Advice;
import dev.kpp.app.report.PredictionFormats;
import dev.kpp.app.report.RecommendationFormats;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.plan.PlanInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kpp recommend}: which kube-proxy mode to run, why, what can break, until when, and how to switch. */
@Command(name = "recommend", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Recommend a kube-proxy mode for a scenario or an imported inventory: ranked modes scored "
                + "against your budgets, reasons built from the predictions, compatibility and migration risks, "
                + "crossovers and growth dates, sensitivity, and a migration plan with rollback and monitoring."},
        footer = {"", "Examples:", "  kpp recommend --sample growth-4k",
            "  kpp recommend --inventory cluster.kpp.json --budget cpu=0.25,sync=1s --growth 150/month",
            "  kpp recommend --services 10k --requests-per-connection 1 --kernel 4.18 --format markdown -o advice.md"})
final class RecommendCommand extends ScenarioCommand implements Callable<Integer> {
    RecommendCommand(CliContext context) {
        super(context);
    }

    @Mixin
    AdviceOptions advice;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() throws Exception {
        String f = format.toLowerCase(java.util.Locale.ROOT);
        if (!f.equals("table") && !f.equals("json") && !f.equals("markdown") && !f.equals("md")) {
            throw new Cli.UsageException("recommend supports --format table, json or markdown (got '" + format + "')");
        }
        InventoryOptions.Resolved resolved = resolve();
        PlanInput input = resolved.input();
        ImportResult imported = resolved.imported();
        Advice.Result a = Advice.advise(context.planner(), input, imported, advice.currentMode(), advice.budgets(),
                advice.options(context.clock()));
        String text = switch (f) {
            case "json" -> PredictionFormats.mapper().writeValueAsString(RecommendationFormats.json(a.recommendation()))
                    + "\n";
            case "markdown", "md" -> RecommendationFormats.markdown(a.recommendation(), input.source());
            default -> RecommendationFormats.table(a.recommendation(), input.source());
        };
        write(output, text);
        return 0;
    }
}
