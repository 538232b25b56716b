package io.ctimw.core.port.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The production tokens: 256 bits, base64url without padding, never the same twice. */
class TokenGeneratorTest {
    @Test
    void secureRandomTokensAre43Base64UrlCharactersAndDistinct() {
        TokenGenerator tokens = TokenGenerator.secureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String value = tokens.next().value();
            assertEquals(43, value.length(), value);
            assertTrue(value.matches("[A-Za-z0-9_-]+"), value);
            assertTrue(seen.add(value), "repeated token");
        }
    }
}
