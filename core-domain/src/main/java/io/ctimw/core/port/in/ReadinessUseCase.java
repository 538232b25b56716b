package io.ctimw.core.port.in;

import io.ctimw.core.model.Readiness;

/** Operators asking whether the service can serve. */
public interface ReadinessUseCase {
    Readiness check();
}
