package dev.kpp.app.cli;

import dev.kpp.importer.OfflineImporter;
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
        CliProgress bar = CliProgress.forTerminal(err);
        ImportResult r;
        try {
            r = new OfflineImporter().importPaths(paths, bar, Cancellation.NEVER);
        } finally {
            bar.done();
        }
        report(r.problems(), err);
        if (r.sources().isEmpty()) {
            throw new Cli.UsageException("nothing could be imported from " + paths.size() + " input(s)"
                    + (r.errors().isEmpty() ? "" : ": " + r.errors().get(0).describe()));
        }
        return r;
    }

    static void report(List<ImportProblem> problems, PrintWriter err) {
        int printed = 0;
        for (ImportProblem p : problems) {
            if (printed++ >= MAX_PRINTED) {
                break;
            }
            err.println("kpp: " + (p.severity() == ImportProblem.Severity.ERROR ? "error: " : "warning: ")
                    + ProblemText.describe(p));
        }
        if (problems.size() > MAX_PRINTED) {
            err.println("kpp: ... and " + (problems.size() - MAX_PRINTED) + " more problem(s); "
                    + "'kpp inventory --format json' lists them all");
        }
        err.flush();
    }
}
