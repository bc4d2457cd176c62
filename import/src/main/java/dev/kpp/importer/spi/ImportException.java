package dev.kpp.importer.spi;

/** A file could not be imported; carries the problem that says where and why. */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ImportProblem problem;

    public ImportException(ImportProblem problem) {
        super(problem.describe());
        this.problem = problem;
    }

    public ImportException(ImportProblem problem, Throwable cause) {
        super(problem.describe(), cause);
        this.problem = problem;
    }

    /** @return what went wrong, where */
    public ImportProblem problem() {
        return problem;
    }
}
