package io.ctimw.app.middleware;

/** A start-up failure whose message is the one line the operator needs (e.g. the port is taken). */
final class StartupException extends RuntimeException {
    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
