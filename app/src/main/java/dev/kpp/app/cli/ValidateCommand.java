package dev.kpp.app.cli;

import dev.kpp.app.report.CalibrationFormats;
import dev.kpp.model.calibration.Calibration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code kpp validate}: measured against predicted for every benchmark row, and why rows are not used. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Print measured against predicted (in sample and leave-one-out) for every benchmark row the "
                + "models use, and why any other row is not used."})
final class ValidateCommand implements Callable<Integer> {
    private final CliContext context;

    ValidateCommand(CliContext context) {
        this.context = context;
    }

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        Calibration cal = context.calibration();
        String text = switch (format) {
            case JSON -> CalibrationFormats.json(cal, true);
            case CSV -> CalibrationFormats.validationCsv(cal);
            case TABLE -> CalibrationFormats.validationTable(cal);
        };
        Output.write(spec, null, text);
        return 0;
    }
}
