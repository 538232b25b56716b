package io.ctimw.adapters.postgres.intake;

/** The intake log cannot be opened (directory unwritable, in use, or written for another database): no start. */
public final class IntakeLogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IntakeLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
