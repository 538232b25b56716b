package io.ctimw.adapters.http;

/** Thrown (or used to fail a future) by parsers and handlers to answer with a {@link Problem}. */
final class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.status() + " " + problem.detail(), null, false, false); // expected outcome: no stack trace
        this.problem = problem;
    }

    public ProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail));
    }

    public Problem problem() {
        return problem;
    }
}
