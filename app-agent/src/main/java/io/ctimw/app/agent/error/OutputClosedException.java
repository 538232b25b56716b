package io.ctimw.app.agent.error;

/** Standard output went away (a closed pipe): what was not written must not count as delivered. */
public final class OutputClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputClosedException() {
        super("standard output is closed", null, false, false);
    }
}
