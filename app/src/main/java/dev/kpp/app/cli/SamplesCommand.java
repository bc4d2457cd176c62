package dev.kpp.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kpp.app.report.PredictionFormats;
import dev.kpp.model.scenario.Sample;
import dev.kpp.model.scenario.Samples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code kpp samples}: the built-in scenarios. */
@Command(name = "samples", mixinStandardHelpOptions = true, description = "List the built-in scenarios.")
final class SamplesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        StringBuilder sb = new StringBuilder();
        if (format == OutputFormat.JSON) {
            ArrayNode arr = PredictionFormats.mapper().createArrayNode();
            for (Sample s : Samples.all()) {
                ObjectNode o = arr.addObject();
                o.put("name", s.name());
                o.put("title", s.title());
                o.put("source", s.source());
                o.set("scenario", PredictionFormats.scenarioJson(s.params(), "sample:" + s.name()));
            }
            sb.append(PredictionFormats.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(arr)).append('\n');
        } else if (format == OutputFormat.CSV) {
            throw new Cli.UsageException("samples supports --format table or json");
        } else {
            int w = Samples.all().stream().mapToInt(s -> s.name().length()).max().orElse(4);
            for (Sample s : Samples.all()) {
                sb.append(String.format("%-" + w + "s  %s%n", s.name(), s.title()));
                sb.append(String.format("%-" + w + "s  source: %s%n", "", s.source()));
            }
            sb.append(String.format("%nUse: kpp predict --sample NAME%n"));
        }
        Output.write(spec, null, sb.toString());
        return 0;
    }
}
