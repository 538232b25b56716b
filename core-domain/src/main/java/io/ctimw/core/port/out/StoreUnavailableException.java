package io.ctimw.core.port.out;

/**
 * Thrown by any store when its backing database cannot be reached. It is the one failure callers may
 * retry: the service answers 503 with Retry-After and keeps buffered events until the store is back.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
