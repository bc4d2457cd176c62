package dev.kpp.app.cli;

import dev.kpp.app.text.TerminalText;
import dev.kpp.importer.OfflineImporter;
import dev.kpp.importer.file.ImportLimits;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportResult;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Runs an offline import for a command: progress bar, problems on stderr, a usage error when nothing imported. */
final class Imports {
    /** Problems printed before the rest are summarised. */
    static final int MAX_PRINTED = 20;

    private Imports() {
    }

    /**
     * @param paths inputs
     * @param err   stderr
     * @return the result (at least one input was read)
     * @throws Cli.UsageException when no input could be read
     */
    static ImportResult run(List<Path> paths, PrintWriter err) {
        return run(paths, err, ImportLimits.defaults());
    }

    /** Like {@link #run(List, PrintWriter)} with other limits on what is read. */
    static ImportResult run(List<Path> paths, PrintWriter err, ImportLimits limits) {
        CliProgress bar = CliProgress.forTerminal(err);
        ImportResult r;
        try {
            r = new OfflineImporter().withLimits(limits).importPaths(paths, bar, Cancellation.NEVER);
        } finally {
            bar.done();
        }
        if (r.sources().isEmpty()) {
            // the first error ends the line that says nothing was imported; it is not printed twice
            ImportProblem first = r.errors().isEmpty() ? null : r.errors().get(0);
            report(r.problems().stream().filter(p -> p != first).toList(), err);
            throw new Cli.UsageException("nothing could be imported from " + paths.size() + " input(s)"
                    + (first == null ? "" : ": " + TerminalText.escape(first.describe())));
        }
        report(r.problems(), err);
        return r;
    }

    static void report(List<ImportProblem> problems, PrintWriter err) {
        int printed = 0;
        for (ImportProblem p : problems) {
            if (printed++ >= MAX_PRINTED) {
                break;
            }
            err.println("kpp: " + (p.severity() == ImportProblem.Severity.ERROR ? "error: " : "warning: ")
                    + TerminalText.escape(p.describe()));
        }
        if (problems.size() > MAX_PRINTED) {
            err.println("kpp: ... and " + (problems.size() - MAX_PRINTED) + " more problem(s); "
                    + "'kpp inventory --format json' lists them all");
        }
        err.flush();
    }
}
