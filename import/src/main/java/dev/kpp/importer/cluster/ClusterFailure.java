package dev.kpp.importer.cluster;

import dev.kpp.importer.spi.ImportProblem;

/** A live import cannot go on (or a kind cannot be listed); carries the problem to report. */
final class ClusterFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ImportProblem problem;

    ClusterFailure(ImportProblem problem) {
        super(problem.code(), null, false, false);
        this.problem = problem;
    }

    ImportProblem problem() {
        return problem;
    }
}
