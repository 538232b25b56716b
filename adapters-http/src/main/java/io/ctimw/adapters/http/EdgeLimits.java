package io.ctimw.adapters.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of the server one client address, all unfinished uploads together, and password checks may
 * take, so no client (or crowd of them) can keep the server from everyone else.
 *
 * @param bodyTimeout              a request body must have arrived completely within this long
 * @param minBodyRate              ... and at no less than this many bytes per second after its first second
 *                                 (the deadline is {@code min(bodyTimeout, 1 s + length / minBodyRate)})
 * @param maxPendingBodies         bodies still arriving, all clients together (they hold no thread; each
 *                                 holds up to {@code maxBodyBytes} of memory); beyond it 503
 * @param maxPendingBodiesPerAddress bodies still arriving from one client address; beyond it 429
 * @param maxRequestsPerAddress    requests one client address may have on worker threads at once (waiting
 *                                 long polls and commands waiting for the CTI hold none); beyond it 429
 * @param maxConcurrentLogins      logins whose password is being checked at once; beyond it 503
 *                                 {@code login-busy}, answered before the body is read
 * @param maxLoginsPerAddress      ... of them from one client address
 */
public record EdgeLimits(Duration bodyTimeout, long minBodyRate, int maxPendingBodies, int maxPendingBodiesPerAddress,
                         int maxRequestsPerAddress, int maxConcurrentLogins, int maxLoginsPerAddress) {
    public EdgeLimits {
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        require(!bodyTimeout.isNegative() && !bodyTimeout.isZero(), "bodyTimeout must be positive");
        require(minBodyRate > 0, "minBodyRate must be positive");
        require(maxPendingBodies > 0 && maxPendingBodiesPerAddress > 0, "pending body limits must be positive");
        require(maxRequestsPerAddress > 0, "maxRequestsPerAddress must be positive");
        require(maxConcurrentLogins > 0 && maxLoginsPerAddress > 0, "login limits must be positive");
    }

    public static EdgeLimits defaults() {
        return new EdgeLimits(Duration.ofSeconds(10), 1024, 1024, 32, 32, 4, 2);
    }

    public EdgeLimits withLogins(int total, int perAddress) {
        return new EdgeLimits(bodyTimeout, minBodyRate, maxPendingBodies, maxPendingBodiesPerAddress,
                maxRequestsPerAddress, total, perAddress);
    }

    public EdgeLimits withBodies(Duration timeout, int total, int perAddress) {
        return new EdgeLimits(timeout, minBodyRate, total, perAddress, maxRequestsPerAddress,
                maxConcurrentLogins, maxLoginsPerAddress);
    }

    /** When a body that started arriving now must be complete: a budget that grows with its declared length. */
    Duration bodyDeadline(long declaredLength) {
        if (declaredLength < 0) {
            return bodyTimeout;
        }
        Duration byRate = Duration.ofSeconds(1).plusMillis(declaredLength * 1000 / minBodyRate);
        return byRate.compareTo(bodyTimeout) < 0 ? byRate : bodyTimeout;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
