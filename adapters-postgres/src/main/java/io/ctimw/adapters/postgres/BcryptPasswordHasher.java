package io.ctimw.adapters.postgres;

import io.ctimw.core.model.Password;
import io.ctimw.core.port.out.PasswordHasher;
import org.mindrot.jbcrypt.BCrypt;

/** {@link PasswordHasher} with bcrypt (jBCrypt); the cost factor is stored inside each hash. */
public final class BcryptPasswordHasher implements PasswordHasher {
    public static final int DEFAULT_COST = 12;
    public static final int MIN_COST = 4;
    public static final int MAX_COST = 31;

    private final int cost;

    public BcryptPasswordHasher() {
        this(DEFAULT_COST);
    }

    public BcryptPasswordHasher(int cost) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be " + MIN_COST + "-" + MAX_COST);
        }
        this.cost = cost;
    }

    public int cost() {
        return cost;
    }

    @Override
    public String hash(Password password) {
        return BCrypt.hashpw(password.value(), BCrypt.gensalt(cost));
    }

    /** jBCrypt compares without early exit; anything it cannot parse is simply "no match". */
    @Override
    public boolean matches(Password password, String hash) {
        if (hash == null) {
            return false;
        }
        try {
            return BCrypt.checkpw(password.value(), asJbcryptVersion(hash));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /**
     * jBCrypt 0.4 only reads {@code $2a$}. {@code $2b$} and {@code $2y$} (OpenBSD, PHP, htpasswd)
     * compute the same hash for passwords under 255 bytes, and ours are at most 72, so they are
     * accepted by reading them as {@code $2a$}.
     */
    private static String asJbcryptVersion(String hash) {
        if (hash.startsWith("$2b$") || hash.startsWith("$2y$")) {
            return "$2a$" + hash.substring(4);
        }
        return hash;
    }
}
