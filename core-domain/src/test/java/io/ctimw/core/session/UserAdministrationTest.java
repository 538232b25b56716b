package io.ctimw.core.session;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.CoreFixture;
import io.ctimw.core.model.Grants;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.LoginResult;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.TokenHash;
import io.ctimw.core.model.User;
import io.ctimw.core.port.out.DuplicateUserException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Accounts: only hashes are stored, weak passwords are refused, roles decide the grants of a new user,
 * and re-keying or blocking ends the sessions at once, on this instance too.
 */
class UserAdministrationTest {
    private static final Login ALICE = new Login("alice");
    private static final Login BOB = new Login("bob");
    private final CoreFixture f = new CoreFixture();
    private final UserAdministration admin = f.core.users;

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private TokenHash openSession(Login login, char hex) {
        TokenHash hash = new TokenHash(String.valueOf(hex).repeat(64));
        f.sessions.save(new Session(hash, login, f.clock.instant(), f.clock.instant(),
                f.clock.instant().plusSeconds(3600), 0));
        return hash;
    }

    private List<User> added() {
        return admin.list().stream().filter(u -> u.login().equals(ALICE) || u.login().equals(BOB)).toList();
    }

    @Test
    void anAgentGetsTheDefaultGrantsAnAdminNone() {
        User agent = admin.add(ALICE, new Password("correct horse"), Role.AGENT);
        assertEquals(new User(ALICE, f.hasher.hash(new Password("correct horse")), true, f.clock.instant(), Role.AGENT,
                Grants.ALL, null), agent);
        User root = admin.add(BOB, new Password("correct horse"), Role.ADMIN);
        assertEquals(Role.ADMIN, root.role());
        assertEquals(Grants.NONE, root.grants());
        assertEquals(List.of(agent, root), added());
        assertFalse(agent.passwordHash().contains("correct horse"));
    }

    @Test
    void anEditNeverUndoesOneMadeMeanwhileByAnotherWriter() {
        admin.add(ALICE, new Password("correct horse"), Role.AGENT);
        // another instance revokes every grant between this edit's read and its write
        f.users.onNextReplace(() -> f.users.update(f.users.find(ALICE).orElseThrow().withGrants(Grants.NONE)));

        assertTrue(admin.disable(ALICE));

        User stored = f.users.find(ALICE).orElseThrow();
        assertFalse(stored.enabled(), "this edit applied");
        assertEquals(Grants.NONE, stored.grants(), "the other writer's edit kept, not overwritten by a stale read");
    }

    @Test
    void weakPasswordsAndDuplicatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> admin.add(ALICE, new Password("short"), Role.AGENT));
        assertEquals(List.of(), added());
        admin.add(ALICE, new Password("long enough"), Role.AGENT);
        assertThrows(DuplicateUserException.class, () -> admin.add(ALICE, new Password("another one"), Role.ADMIN));
        assertThrows(IllegalArgumentException.class, () -> admin.changePassword(ALICE, new Password("short")));
    }

    @Test
    void aNewPasswordEndsThatUsersSessionsOnly() {
        admin.add(ALICE, new Password("first password"), Role.AGENT);
        admin.add(BOB, new Password("bobs password"), Role.AGENT);
        TokenHash alices = openSession(ALICE, 'a');
        TokenHash bobs = openSession(BOB, 'b');

        assertTrue(admin.changePassword(ALICE, new Password("second password")));

        assertTrue(f.sessions.find(alices).isEmpty());
        assertTrue(f.sessions.find(bobs).isPresent());
        assertEquals(f.hasher.hash(new Password("second password")), f.users.find(ALICE).orElseThrow().passwordHash());
    }

    @Test
    void blockingEndsALiveSessionAtItsNextRequestAndReleasesThePhone() {
        LoginResult.LoggedIn one = f.login("agent1");
        LoginResult.LoggedIn other = f.login("agent2");
        assertTrue(f.core.authentication.authenticate(one.token()).isPresent());
        await().atMost(Duration.ofSeconds(5)).until(() -> f.cti.attached().contains(new Login("agent1")));

        assertTrue(admin.disable(new Login("agent1")));

        assertTrue(f.core.authentication.authenticate(one.token()).isEmpty(), "cached session ended at once");
        await("its phone released").atMost(Duration.ofSeconds(5))
                .until(() -> f.cti.detachRequests().contains(new Login("agent1")));
        assertTrue(f.core.authentication.authenticate(other.token()).isPresent(), "another agent is untouched");
        assertTrue(admin.enable(new Login("agent1")));
        assertTrue(f.core.authentication.authenticate(one.token()).isEmpty(), "enabling does not revive a session");
    }

    @Test
    void aRoleChangeIsSeenByTheNextRequest() {
        assertTrue(admin.setRole(new Login("agent1"), Role.ADMIN));
        Session session = f.session(f.login("agent1"));
        f.core.access.requireAdmin(session); // no exception: an admin now
        assertTrue(admin.setRole(new Login("agent1"), Role.AGENT));
        assertThrows(io.ctimw.core.port.in.AccessDeniedException.class, () -> f.core.access.requireAdmin(session));
    }

    @Test
    void unknownLoginsChangeNothing() {
        TokenHash orphan = openSession(BOB, 'e');
        assertFalse(admin.changePassword(BOB, new Password("whatever pw")));
        assertFalse(admin.disable(BOB));
        assertFalse(admin.enable(BOB));
        assertFalse(admin.setRole(BOB, Role.ADMIN));
        assertTrue(f.sessions.find(orphan).isPresent(), "nothing changed, so no session was ended");
    }
}
