package io.ctimw.adapters.postgres;

import io.ctimw.core.model.Password;
import io.ctimw.core.port.out.PasswordHasher;
import java.util.concurrent.Semaphore;

/**
 * Runs at most a few password hashes at once, fewer than the machine has cores, the rest waiting their
 * turn in arrival order: a login flood then takes at most those cores, and event delivery, commands and
 * polls keep the others (on 2 cores, two cost-12 checks at once had taken both).
 */
public final class CpuBoundedHasher implements PasswordHasher {
    private final PasswordHasher hasher;
    private final Semaphore cores;

    public CpuBoundedHasher(PasswordHasher hasher, int maxAtOnce) {
        if (maxAtOnce < 1) {
            throw new IllegalArgumentException("maxAtOnce must be at least 1");
        }
        this.hasher = hasher;
        this.cores = new Semaphore(maxAtOnce, true); // fair: a login from another address waits behind a few, not forever
    }

    /** One hash at a time per core beyond the first: all cores but one stay free for everything else. */
    public static int forCores(int availableProcessors) {
        return Math.max(1, availableProcessors - 1);
    }

    @Override
    public String hash(Password password) {
        cores.acquireUninterruptibly();
        try {
            return hasher.hash(password);
        } finally {
            cores.release();
        }
    }

    @Override
    public boolean matches(Password password, String hash) {
        cores.acquireUninterruptibly();
        try {
            return hasher.matches(password, hash);
        } finally {
            cores.release();
        }
    }

    /** Callers waiting for a turn right now (for tests). */
    int waiting() {
        return cores.getQueueLength();
    }
}
