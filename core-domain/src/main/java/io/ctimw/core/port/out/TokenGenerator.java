package io.ctimw.core.port.out;

import io.ctimw.core.model.SessionToken;

/** Source of fresh, unguessable session tokens; injected so tests can make them predictable. */
@FunctionalInterface
public interface TokenGenerator {
    SessionToken next();
}
