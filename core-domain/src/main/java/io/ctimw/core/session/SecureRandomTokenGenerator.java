package io.ctimw.core.session;

import io.ctimw.core.model.SessionToken;
import io.ctimw.core.port.out.TokenGenerator;
import java.security.SecureRandom;
import java.util.Base64;

/** Production tokens: 256 random bits from the platform's CSPRNG, base64url without padding. */
public final class SecureRandomTokenGenerator implements TokenGenerator {
    private final SecureRandom random = new SecureRandom();

    @Override
    public SessionToken next() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new SessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
