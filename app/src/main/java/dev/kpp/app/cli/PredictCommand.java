package dev.kpp.app.cli;

import dev.kpp.app.report.PredictionFormats;
import dev.kpp.model.plan.Planner;
import dev.kpp.model.plan.Prediction;
import dev.kpp.model.scenario.ScenarioParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kpp predict}: every mode's rules, costs and per-connection work for one scenario. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Predict every proxy mode for one scenario: a built-in sample, your own numbers, or both "
                + "(flags override the sample)."},
        footer = {"", "JSON output is a stable contract, documented in docs/cli.md.", "",
            "Examples:", "  kpp predict --sample tigera-10k",
            "  kpp predict --sample growth-4k --services 12000 --format json -o plan.json"})
final class PredictCommand implements Callable<Integer> {
    private static final Planner PLANNER = new Planner(dev.kpp.model.calibration.Calibration.embedded());

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Mixin
    InventoryOptions inventory;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table, json or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (inventory.present()) {
            InventoryOptions.Result r = inventory.predict(scenario, spec.commandLine().getErr());
            Output.write(spec, output, format == OutputFormat.JSON ? InventoryOptions.json(r)
                    : format == OutputFormat.CSV ? PredictionFormats.csv(r.prediction()) : InventoryOptions.table(r));
            return 0;
        }
        ScenarioParams params = scenario.resolve();
        Prediction prediction = PLANNER.predict(params);
        String text = switch (format) {
            case JSON -> PredictionFormats.json(prediction, scenario.source());
            case CSV -> PredictionFormats.csv(prediction);
            case TABLE -> PredictionFormats.table(prediction, scenario.source());
        };
        Output.write(spec, output, text);
        return 0;
    }
}
