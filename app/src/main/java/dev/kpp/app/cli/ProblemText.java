package dev.kpp.app.cli;

import dev.kpp.app.text.Texts;
import dev.kpp.importer.spi.ImportProblem;

/** One line per import problem, worded by {@link Texts#problem} (the one wording of problems). */
final class ProblemText {
    private static final Texts TEXTS = Texts.english();

    private ProblemText() {
    }

    /** @return the problem as one line for the terminal */
    static String describe(ImportProblem p) {
        return dev.kpp.app.text.TerminalText.escape(TEXTS.problem(p));
    }
}
