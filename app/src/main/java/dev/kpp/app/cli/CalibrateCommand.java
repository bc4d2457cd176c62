package dev.kpp.app.cli;

import dev.kpp.app.report.CalibrationFormats;
import dev.kpp.model.calibration.Calibration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code kpp calibrate}: fits every cost model to the embedded dataset and prints the parameters. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fit the cost models to the embedded benchmark dataset (at run time) and print the fitted "
                + "parameters with standard errors and validation figures."})
final class CalibrateCommand implements Callable<Integer> {
    private final CliContext context;

    CalibrateCommand(CliContext context) {
        this.context = context;
    }

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        Calibration cal = context.calibration();
        String text = switch (format) {
            case JSON -> CalibrationFormats.json(cal, false);
            case TABLE -> CalibrationFormats.parametersTable(cal);
            case CSV -> throw new Cli.UsageException("calibrate supports --format table or json");
        };
        Output.write(spec, null, text);
        return 0;
    }
}
