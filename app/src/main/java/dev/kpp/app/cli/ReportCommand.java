package dev.kpp.app.cli;

import dev.kpp.app.report.ReportInput;
import dev.kpp.app.report.ReportService;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.plan.PlanInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kpp report}: the recommendation report as PDF, Markdown, CSV or JSON. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Write a recommendation report for a scenario or an imported inventory: a PDF for the review "
                + "(title page, executive summary, inventory and provenance, model and benchmarks, results per mode, "
                + "growth and crossover charts, sensitivity, risks, migration, rollback and monitoring plans, "
                + "appendices), Markdown with SVG and PNG charts, CSV or JSON, all with the same numbers as "
                + "'kpp predict' and 'kpp recommend'."},
        footer = {"", "The format follows the file's extension (.pdf, .md, .csv, .json) unless --format is given.",
            "-o report.csv writes report.csv (one row per mode) and report-sweep.csv (the growth sweep);",
            "-o report.md writes the charts to report-charts/ beside it. See docs/reports.md.", "",
            "Examples:", "  kpp report --sample tigera-10k -o report.pdf",
            "  kpp report --inventory cluster.kpp.json --growth 150/month --redact -o shareable.pdf",
            "  kpp report --from report.pdf -o again.md"})
final class ReportCommand extends ScenarioCommand implements Callable<Integer> {
    ReportCommand(CliContext context) {
        super(context);
    }

    @Mixin
    AdviceOptions advice;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "The report file: .pdf, .md, .csv or .json (written atomically).")
    Path output;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "pdf, md (markdown), csv or json (default: from the file's extension).")
    String format;

    @Option(names = "--title", paramLabel = "TEXT", description = "The report's title (default: kube-proxy mode review).")
    String title;

    @Option(names = "--redact", description = "A shareable report: names, namespaces, node pools, addresses, file "
            + "names and hashes are pseudonymised or dropped; every number stays the same.")
    boolean redact;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "The report's date (default: today); growth dates count from it.")
    String date;

    @Option(names = "--timings", description = "Print how long planning, rendering and writing took (stderr).")
    boolean timings;

    @Option(names = "--from", paramLabel = "REPORT.pdf",
            description = "Compute a report again from the inputs a kpp PDF report carries (any format).")
    Path from;

    @Override
    public Integer call() throws Exception {
        ReportService.Format f = format();
        ReportInput input;
        ImportResult imported = null;
        if (from != null) {
            if (inventory.present() || !scenario.given().isEmpty() || scenario.sample != null) {
                throw new Cli.UsageException("--from cannot be combined with scenario or --inventory flags (the "
                        + "report carries its own inputs)");
            }
            ReportService.Loaded loaded;
            try {
                loaded = ReportService.load(from);
            } catch (IOException e) {
                throw new Cli.InputException(Cli.oneLine(e.getMessage()));
            }
            input = loaded.input();
            imported = loaded.imported();
            if (title != null || redact || date != null) {
                input = new ReportInput(title != null ? title : input.title(), date != null ? date() : input.date(),
                        input.source(), input.params(), input.budgets(), input.growth(), input.horizonMonths(),
                        input.sensitivity(), input.currentMode(), input.redacted() || redact);
            }
        } else {
            InventoryOptions.Resolved r = resolve();
            PlanInput plan = r.input();
            imported = r.imported();
            var options = advice.options(context.clock());
            input = new ReportInput(title, date != null ? date() : options.today(), plan.source(), plan.params(),
                    advice.budgets(), options.growth(), options.horizonMonths(), options.sensitivity(),
                    advice.currentMode(), redact);
        }
        ReportService service = new ReportService(context.planner(), context.clock());
        ReportService.Result result;
        try {
            result = service.write(new ReportService.ReportRequest(input, imported, f, output, null, null));
        } catch (IOException e) {
            throw new Cli.InputException("cannot write " + output + ": " + reason(e));
        }
        var err = spec.commandLine().getErr();
        if (timings) {
            err.println("kpp: timings (ms): " + result.timings());
        }
        err.println("kpp: wrote " + output + (result.pages() > 0 ? " (" + result.pages() + " pages)" : "")
                + (result.files().size() > 1 ? " and " + (result.files().size() - 1) + " file(s) beside it" : ""));
        err.flush();
        return 0;
    }

    private ReportService.Format format() {
        if (format != null) {
            try {
                return ReportService.Format.parse(format);
            } catch (IllegalArgumentException e) {
                throw new Cli.UsageException(e.getMessage());
            }
        }
        return ReportService.Format.of(output).orElseThrow(() -> new Cli.UsageException("cannot tell the format of "
                + output + " from its extension: use .pdf, .md, .csv or .json, or --format"));
    }

    private LocalDate date() {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new Cli.UsageException("--date must be a date such as 2026-01-31 (got '" + date + "')");
        }
    }

    /** @return why a write failed, in words */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException x) {
            return x.getFile() + " exists and is not a directory";
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT).startsWith("not a directory")
                    ? fs.getFile() + " is not a directory" : fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
