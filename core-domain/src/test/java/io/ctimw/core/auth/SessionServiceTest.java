package io.ctimw.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.CoreFixture;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionServiceTest {
    private final CoreFixture f = new CoreFixture();

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void loginStoresOnlyTheTokenHashAndAttachesThePhone() {
        LoginResult.LoggedIn in = f.login("agent1");
        Session stored = f.sessions.find(in.token().hash()).orElseThrow();
        assertEquals(new Login("agent1"), stored.login());
        assertNotEquals(in.token().value(), stored.tokenHash().hex());
        assertTrue(f.cti.attachRequests().contains(new Login("agent1")));
        assertTrue(f.cti.attached().contains(new Login("agent1")));
    }

    @Test
    void wrongPasswordAndUnknownLoginAreRejectedAlikeAndBothVerifyAHash() {
        int before = f.hasher.verifications();
        LoginResult wrong = f.core.authentication().login(new Login("agent1"), new Password("not-the-password"));
        LoginResult unknown = f.core.authentication().login(new Login("ghost"), new Password("whatever1"));
        assertInstanceOf(LoginResult.Rejected.class, wrong);
        assertInstanceOf(LoginResult.Rejected.class, unknown);
        assertEquals(before + 2, f.hasher.verifications(), "unknown logins must cost a hash check too");
        assertTrue(f.cti.attachRequests().isEmpty(), "a refused login attaches nothing");
    }

    @Test
    void aDisabledUserCannotLogIn() {
        f.core.userAdministration().disable(new Login("agent2"));
        assertInstanceOf(LoginResult.Rejected.class, f.core.authentication().login(new Login("agent2"), new Password(CoreFixture.PASSWORD)));
    }

    @Test
    void aTokenAuthenticatesUntilTheIdleTimeout() {
        LoginResult.LoggedIn in = f.login("agent1");
        f.clock.advance(Duration.ofMinutes(59));
        assertTrue(f.core.authentication().authenticate(in.token()).isPresent());
        f.clock.advance(Duration.ofMinutes(59)); // seen 59 min ago: still live
        assertTrue(f.core.authentication().authenticate(in.token()).isPresent());
        f.clock.advance(Duration.ofMinutes(61));
        assertFalse(f.core.authentication().authenticate(in.token()).isPresent());
        assertTrue(f.sessions.find(in.token().hash()).isEmpty(), "expired sessions are deleted");
    }

    @Test
    void absoluteExpiryEndsEvenAnActiveSession() {
        LoginResult.LoggedIn in = f.login("agent1");
        for (int i = 0; i < 14; i++) {
            f.clock.advance(Duration.ofMinutes(55));
            f.core.authentication().authenticate(in.token());
        }
        assertFalse(f.core.authentication().authenticate(in.token()).isPresent());
    }

    @Test
    void logoutDetachesOnlyWhenTheLastSessionOfTheLoginEnds() {
        LoginResult.LoggedIn first = f.login("agent1");
        LoginResult.LoggedIn second = f.login("agent1");
        f.core.authentication().logout(first.session());
        assertFalse(f.core.authentication().authenticate(first.token()).isPresent());
        assertTrue(f.cti.detachRequests().isEmpty());
        f.core.authentication().logout(second.session());
        assertEquals(1, f.cti.detachRequests().size());
    }

    @Test
    void aSessionEndedByTheAdministratorStopsWorkingWithinTheTouchInterval() {
        LoginResult.LoggedIn in = f.login("agent1");
        assertTrue(f.core.authentication().authenticate(in.token()).isPresent());
        f.core.userAdministration().disable(new Login("agent1")); // as the admin command does, from another process
        f.clock.advance(CoreFixture.POLICY.touchInterval().plusSeconds(1));
        assertFalse(f.core.authentication().authenticate(in.token()).isPresent());
    }

    @Test
    void housekeepingExpiresIdleSessionsAndReleasesTheirPhones() {
        f.login("agent1");
        f.clock.advance(Duration.ofHours(2));
        f.core.housekeeping().run();
        assertTrue(f.cti.detachRequests().contains(new Login("agent1")));
        assertTrue(f.core.attachments().wantedLogins().isEmpty());
    }

    @Test
    void aLiveSessionWhosePhoneWasReleasedGetsItAttachedAgain() {
        LoginResult.LoggedIn in = f.login("agent1");
        f.core.attachments().release(new Login("agent1")); // as a housekeeping round racing with this login would
        assertTrue(f.core.authentication().authenticate(in.token()).isPresent());
        assertTrue(f.core.attachments().wantedLogins().contains(new Login("agent1")));
        assertEquals(2, f.cti.attachRequests().size());
    }

    @Test
    void aLoggedOutTokenStaysDeadEvenIfItsSessionIsStillStored() {
        LoginResult.LoggedIn in = f.login("agent1");
        Session session = f.core.authentication().authenticate(in.token()).orElseThrow();
        f.core.authentication().logout(session);
        f.sessions.save(session); // a request that raced with the logout writing it back
        assertFalse(f.core.authentication().authenticate(in.token()).isPresent());
    }

    @Test
    void passwordChecksBeyondTheLimitAreTurnedAwayInsteadOfQueueingForever() throws Exception {
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        io.ctimw.core.port.out.PasswordHasher slow = new io.ctimw.core.port.out.PasswordHasher() {
            @Override
            public String hash(Password password) {
                return f.hasher.hash(password);
            }

            @Override
            public boolean matches(Password password, String hash) {
                if (!password.value().equals("timing-equaliser-not-a-real-password")) {
                    inside.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return f.hasher.matches(password, hash);
            }
        };
        SessionService one = new SessionService(f.users, f.sessions, f.events, slow, () -> new SessionToken("t".repeat(40)),
                f.core.attachments(), f.clock, new SessionPolicy(java.time.Duration.ofHours(1), java.time.Duration.ofHours(2),
                        java.time.Duration.ofSeconds(30), 1));
        java.util.concurrent.CompletableFuture<LoginResult> first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> one.login(new Login("agent1"), new Password(io.ctimw.core.CoreFixture.PASSWORD)));
        assertTrue(inside.await(5, java.util.concurrent.TimeUnit.SECONDS));
        assertInstanceOf(LoginResult.Busy.class, one.login(new Login("agent2"), new Password(io.ctimw.core.CoreFixture.PASSWORD)));
        release.countDown();
        assertInstanceOf(LoginResult.LoggedIn.class, first.get(5, java.util.concurrent.TimeUnit.SECONDS));
    }
}
