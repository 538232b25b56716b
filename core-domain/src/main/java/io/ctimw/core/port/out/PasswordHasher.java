package io.ctimw.core.port.out;

import io.ctimw.core.model.Password;

/** Slow, salted password hashing (bcrypt in production). */
public interface PasswordHasher {
    String hash(Password password);

    /** Constant-time with respect to the password; false for a malformed hash. */
    boolean matches(Password password, String hash);
}
