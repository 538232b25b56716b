package io.ctimw.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.TokenHash;
import io.ctimw.core.model.User;
import io.ctimw.core.port.out.DuplicateUserException;
import io.ctimw.core.testing.FakePasswordHasher;
import io.ctimw.core.testing.InMemorySessionStore;
import io.ctimw.core.testing.InMemoryUserStore;
import io.ctimw.core.testing.MutableClock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accounts: only hashes are stored, weak passwords are refused, and re-keying or disabling ends the sessions. */
class UserAdministrationTest {
    private static final Login ALICE = new Login("alice");
    private static final Login BOB = new Login("bob");
    private final MutableClock clock = MutableClock.at("2026-02-01T09:00:00Z");
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemorySessionStore sessions = new InMemorySessionStore();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final UserAdministration admin = new UserAdministration(users, sessions, hasher, clock);

    private TokenHash openSession(Login login, char hex) {
        TokenHash hash = new TokenHash(String.valueOf(hex).repeat(64));
        sessions.save(new Session(hash, login, clock.instant(), clock.instant(), clock.instant().plusSeconds(3600), 0));
        return hash;
    }

    @Test
    void addStoresTheHashAndTheClocksTime() {
        User added = admin.add(ALICE, new Password("correct horse"));
        assertEquals(new User(ALICE, hasher.hash(new Password("correct horse")), true, clock.instant()), added);
        assertEquals(List.of(added), admin.list());
        assertFalse(added.passwordHash().contains("correct horse"));
    }

    @Test
    void weakPasswordsAndDuplicatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> admin.add(ALICE, new Password("short")));
        assertEquals(List.of(), admin.list());
        admin.add(ALICE, new Password("long enough"));
        assertThrows(DuplicateUserException.class, () -> admin.add(ALICE, new Password("another one")));
        assertThrows(IllegalArgumentException.class, () -> admin.changePassword(ALICE, new Password("short")));
    }

    @Test
    void aNewPasswordEndsThatUsersSessionsOnly() {
        admin.add(ALICE, new Password("first password"));
        admin.add(BOB, new Password("bobs password"));
        TokenHash alices = openSession(ALICE, 'a');
        TokenHash bobs = openSession(BOB, 'b');

        assertTrue(admin.changePassword(ALICE, new Password("second password")));

        assertTrue(sessions.find(alices).isEmpty());
        assertTrue(sessions.find(bobs).isPresent());
        assertEquals(hasher.hash(new Password("second password")), users.find(ALICE).orElseThrow().passwordHash());
    }

    @Test
    void disablingEndsTheSessionsAndEnablingRestoresTheAccountOnly() {
        admin.add(ALICE, new Password("first password"));
        TokenHash alices = openSession(ALICE, 'a');

        assertTrue(admin.disable(ALICE));
        assertTrue(sessions.find(alices).isEmpty());
        assertFalse(users.find(ALICE).orElseThrow().enabled());

        assertTrue(admin.enable(ALICE));
        assertTrue(users.find(ALICE).orElseThrow().enabled());
    }

    @Test
    void unknownLoginsChangeNothing() {
        TokenHash orphan = openSession(BOB, 'e');
        assertFalse(admin.changePassword(BOB, new Password("whatever pw")));
        assertFalse(admin.disable(BOB));
        assertFalse(admin.enable(BOB));
        assertTrue(sessions.find(orphan).isPresent(), "nothing changed, so no session was ended");
    }
}
