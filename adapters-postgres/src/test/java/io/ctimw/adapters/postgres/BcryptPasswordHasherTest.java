package io.ctimw.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.Password;
import java.util.List;
import org.junit.jupiter.api.Test;

class BcryptPasswordHasherTest {
    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(4); // the minimum cost keeps tests fast
    private final Password secret = new Password("correct horse battery");

    @Test
    void aHashMatchesItsPasswordOnly() {
        String hash = hasher.hash(secret);
        assertTrue(hasher.matches(secret, hash));
        assertFalse(hasher.matches(new Password("correct horse battery!"), hash));
        assertFalse(hasher.matches(new Password("Correct horse battery"), hash));
    }

    @Test
    void hashesAreSaltedAndCarryTheCost() {
        String first = hasher.hash(secret);
        String second = hasher.hash(secret);
        assertNotEquals(first, second);
        assertTrue(first.startsWith("$2a$04$"), first);
        assertTrue(hasher.matches(secret, second));
    }

    @Test
    void theDefaultCostIsTwelve() {
        org.junit.jupiter.api.Assertions.assertEquals(12, new BcryptPasswordHasher().cost());
    }

    @Test
    void nonAsciiPasswordsWork() {
        Password unicode = new Password("пароль-ключ-é");
        assertTrue(hasher.matches(unicode, hasher.hash(unicode)));
        assertFalse(hasher.matches(new Password("пароль-ключ-e"), hasher.hash(unicode)));
    }

    @Test
    void malformedHashesNeverMatchAndNeverThrow() {
        String good = hasher.hash(secret);
        for (String bad : List.of("", "x", "plain-text", "$2a$", "$2a$04$", "$2a$04$tooShort", "$3a$04$" + good.substring(7),
                "$2a$99$" + good.substring(7), good.substring(0, 40))) {
            assertFalse(hasher.matches(secret, bad), bad);
        }
        assertFalse(hasher.matches(secret, null));
    }

    @Test
    void hashesFromOtherBcryptVersionsAreAccepted() {
        String hash = hasher.hash(secret);
        assertTrue(hasher.matches(secret, "$2y$" + hash.substring(4)));
        assertTrue(hasher.matches(secret, "$2b$" + hash.substring(4)));
        assertFalse(hasher.matches(new Password("wrong password"), "$2y$" + hash.substring(4)));
    }

    @Test
    void aKnownHashFromAnotherImplementationMatches() {
        // From the OpenBSD test vectors (also in jBCrypt's own tests): "abc" with cost 6.
        assertTrue(hasher.matches(new Password("abc"), "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i"));
    }

    @Test
    void costsOutsideBcryptsRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BcryptPasswordHasher(3));
        assertThrows(IllegalArgumentException.class, () -> new BcryptPasswordHasher(32));
    }
}
