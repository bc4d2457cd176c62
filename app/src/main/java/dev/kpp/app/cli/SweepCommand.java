package dev.kpp.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kpp.app.text.AppInfo;
import dev.kpp.app.report.PredictionFormats;
import dev.kpp.model.plan.PlanInput;
import dev.kpp.model.plan.Prediction;
import dev.kpp.model.plan.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kpp sweep}: every mode's predictions along one varied input, for charts. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Predict every mode along one varied input (services, endpoints, requests-per-second or "
                + "requests-per-connection), as CSV or JSON for charts."},
        footer = {"", "Examples:", "  kpp sweep --sample growth-4k --vary services --from 100 --to 50000 --points 50",
            "  kpp sweep --inventory cluster.kpp.json --vary services --from 1000 --to 40000 --points 20"})
final class SweepCommand extends ScenarioCommand implements Callable<Integer> {
    SweepCommand(CliContext context) {
        super(context);
    }

    @Option(names = "--vary", required = true, paramLabel = "INPUT",
            description = "services, endpoints, requests-per-second or requests-per-connection.")
    String vary;

    @Option(names = "--from", required = true, paramLabel = "A", description = "First value (e.g. 100 or 1k).")
    String fromText;

    @Option(names = "--to", required = true, paramLabel = "B", description = "Last value (e.g. 50k).")
    String toText;

    @Option(names = "--points", defaultValue = "20", paramLabel = "N", description = "Points (default ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--scale", paramLabel = "SCALE",
            description = "linear or log spacing (default: log when B/A >= 10, else linear).")
    Sweep.Spacing scale;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (atomically).")
    Path output;

    private String source;

    @Override
    public Integer call() throws Exception {
        Sweep.Input input = Sweep.Input.fromId(vary);
        double from = dev.kpp.app.text.InputParser.number(fromText, "from");
        double to = dev.kpp.app.text.InputParser.number(toText, "to");
        Sweep.Spacing spacing = scale != null ? scale : Sweep.defaultSpacing(from, to);
        List<Double> values = Sweep.values(from, to, points, spacing);
        PlanInput base = resolve().input();
        source = base.source();
        List<Prediction> predictions = context.planner().sweep(base, input, values, () -> false).points();
        String text = format == OutputFormat.JSON ? json(input, values, predictions) : csv(input, values, predictions);
        write(output, text);
        return 0;
    }

    private static String csv(Sweep.Input input, List<Double> values, List<Prediction> predictions) {
        StringBuilder sb = new StringBuilder();
        boolean header = true;
        for (int i = 0; i < values.size(); i++) {
            String[] lines = PredictionFormats.csv(predictions.get(i)).split("\n");
            if (header) {
                sb.append(input.id()).append(',').append(lines[0]).append('\n');
                header = false;
            }
            for (int j = 1; j < lines.length; j++) {
                sb.append(plain(input.applied(predictions.get(i).scenario()))).append(',')
                        .append(lines[j]).append('\n');
            }
        }
        return sb.toString();
    }

    private static String plain(double v) {
        return new java.math.BigDecimal(Double.toString(PredictionFormats.sig(v, 6))).stripTrailingZeros()
                .toPlainString();
    }

    private String json(Sweep.Input input, List<Double> values, List<Prediction> predictions) throws Exception {
        ObjectNode root = PredictionFormats.mapper().createObjectNode();
        root.putObject("kpp").put("version", AppInfo.version()).put("schema", PredictionFormats.JSON_SCHEMA);
        root.put("vary", input.id());
        ArrayNode pts = root.putArray("points");
        for (int i = 0; i < values.size(); i++) {
            ObjectNode p = pts.addObject();
            p.put(input.id(), input.applied(predictions.get(i).scenario()));
            p.set("prediction", PredictionFormats.mapper().readTree(PredictionFormats.json(predictions.get(i),
                    source)));
        }
        return PredictionFormats.mapper().writeValueAsString(root) + "\n";
    }
}
