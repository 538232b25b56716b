package io.ctimw.core.testing;

import io.ctimw.core.model.Password;
import io.ctimw.core.port.out.PasswordHasher;
import java.util.concurrent.atomic.AtomicInteger;

/** A fast, reversible stand-in for bcrypt that counts verifications (to test timing equalisation). */
public final class FakePasswordHasher implements PasswordHasher {
    private final AtomicInteger verifications = new AtomicInteger();

    @Override
    public String hash(Password password) {
        return "fake$" + new StringBuilder(password.value()).reverse();
    }

    @Override
    public boolean matches(Password password, String hash) {
        verifications.incrementAndGet();
        return hash(password).equals(hash);
    }

    public int verifications() {
        return verifications.get();
    }
}
