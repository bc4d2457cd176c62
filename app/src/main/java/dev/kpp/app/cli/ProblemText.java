package dev.kpp.app.cli;

import dev.kpp.app.report.Messages;
import dev.kpp.importer.spi.ImportProblem;

/** One line per import problem: the bundle's wording when it has the code, else the technical form. */
final class ProblemText {
    private ProblemText() {
    }

    /** @return {@code import.problem.<code>} filled with source, location and detail, or {@link ImportProblem#describe()} */
    static String describe(ImportProblem p) {
        String key = "import.problem." + p.code();
        Messages m = Messages.english();
        return m.has(key) ? m.get(key, p.source(), p.location(), p.detail()) : p.describe();
    }
}
