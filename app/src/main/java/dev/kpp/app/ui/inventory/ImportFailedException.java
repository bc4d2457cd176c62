package dev.kpp.app.ui.inventory;

import java.util.List;

/** Nothing usable could be imported; {@link #problems()} says why, per file. */
public final class ImportFailedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<ImportIssue> problems;

    /** @param problems the reasons, at least one */
    public ImportFailedException(List<ImportIssue> problems) {
        super(problems.isEmpty() ? "import failed" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    /** @return per-file problems */
    public List<ImportIssue> problems() {
        return problems;
    }
}
