package dev.kpp.app.cli;

import dev.kpp.app.text.TerminalText;
import dev.kpp.app.text.Texts;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportRequest;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.InventoryImporter;

import java.io.PrintWriter;
import java.util.List;

/** Runs an import for a command through the importer SPI: progress bar, problems on stderr, an input error when nothing imported. */
final class Imports {
    /** Problems printed before the rest are summarised. */
    static final int MAX_PRINTED = 20;

    private Imports() {
    }

    /**
     * @param importer the importer
     * @param request  what to import
     * @param texts    wording
     * @param err      stderr
     * @return the result (at least one input was read)
     * @throws Cli.InputException when nothing could be read (the problems are already printed)
     */
    static ImportResult run(InventoryImporter importer, ImportRequest request, Texts texts, PrintWriter err) {
        CliProgress bar = CliProgress.forTerminal(err);
        ImportResult r;
        try {
            r = importer.importInventory(request, bar, Cancellation.NEVER);
        } finally {
            bar.done();
        }
        report(r.problems(), texts, err);
        if (r.sources().isEmpty()) {
            throw new Cli.InputException("nothing could be imported from " + request.describe()
                    + (r.errors().isEmpty() ? "" : " (see the error above)"));
        }
        return r;
    }

    static void report(List<ImportProblem> problems, Texts texts, PrintWriter err) {
        int printed = 0;
        for (ImportProblem p : problems) {
            if (printed++ >= MAX_PRINTED) {
                break;
            }
            err.println("kpp: " + (p.severity() == ImportProblem.Severity.ERROR ? "error: " : "warning: ")
                    + TerminalText.escape(texts.problem(p)));
        }
        if (problems.size() > MAX_PRINTED) {
            err.println("kpp: ... and " + (problems.size() - MAX_PRINTED) + " more problem(s); "
                    + "'kpp inventory --format json' lists them all");
        }
        err.flush();
    }
}
