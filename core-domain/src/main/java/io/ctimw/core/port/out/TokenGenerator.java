package io.ctimw.core.port.out;

import io.ctimw.core.model.SessionToken;
import java.security.SecureRandom;
import java.util.Base64;

/** Source of fresh, unguessable session tokens; injected so tests can make them predictable. */
@FunctionalInterface
public interface TokenGenerator {
    SessionToken next();

    /** Production tokens: 256 random bits from the platform's CSPRNG, base64url without padding. */
    static TokenGenerator secureRandom() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return new SessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        };
    }
}
