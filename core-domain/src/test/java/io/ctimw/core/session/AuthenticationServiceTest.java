package io.ctimw.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.CoreFixture;
import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.LoginResult;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.SessionToken;
import io.ctimw.core.port.out.PasswordHasher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthenticationServiceTest {
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
        LoginResult wrong = f.core.authentication.login(new Login("agent1"), new Password("not-the-password"),
                "192.0.2.7");
        LoginResult unknown = f.core.authentication.login(new Login("ghost"), new Password("whatever1"));
        assertInstanceOf(LoginResult.Rejected.class, wrong);
        assertInstanceOf(LoginResult.Rejected.class, unknown);
        assertEquals(before + 2, f.hasher.verifications(), "unknown logins must cost a hash check too");
        assertTrue(f.cti.attachRequests().isEmpty(), "a refused login attaches nothing");
        List<AuditEntry> failed = f.audit.of(AuditAction.LOGIN_FAILED);
        assertEquals(List.of("agent1", "ghost"), failed.stream().map(AuditEntry::target).toList());
        assertEquals("192.0.2.7", failed.get(0).address());
        assertNull(failed.get(0).actor(), "nobody is authenticated by a failed login");
    }

    @Test
    void aDisabledUserCannotLogIn() {
        f.core.users.disable(new Login("agent2"));
        assertInstanceOf(LoginResult.Rejected.class, f.core.authentication.login(new Login("agent2"), new Password(CoreFixture.PASSWORD)));
    }

    @Test
    void aTokenAuthenticatesUntilTheIdleTimeout() {
        LoginResult.LoggedIn in = f.login("agent1");
        f.clock.advance(Duration.ofMinutes(59));
        assertTrue(f.core.authentication.authenticate(in.token()).isPresent());
        f.clock.advance(Duration.ofMinutes(59)); // seen 59 min ago: still live
        assertTrue(f.core.authentication.authenticate(in.token()).isPresent());
        f.clock.advance(Duration.ofMinutes(61));
        assertFalse(f.core.authentication.authenticate(in.token()).isPresent());
        assertTrue(f.sessions.find(in.token().hash()).isEmpty(), "expired sessions are deleted");
    }

    @Test
    void absoluteExpiryEndsEvenAnActiveSession() {
        LoginResult.LoggedIn in = f.login("agent1");
        for (int i = 0; i < 14; i++) {
            f.clock.advance(Duration.ofMinutes(55));
            f.core.authentication.authenticate(in.token());
        }
        assertFalse(f.core.authentication.authenticate(in.token()).isPresent());
    }

    @Test
    void logoutDetachesOnlyWhenTheLastSessionOfTheLoginEnds() {
        LoginResult.LoggedIn first = f.login("agent1");
        LoginResult.LoggedIn second = f.login("agent1");
        f.core.authentication.logout(first.session());
        assertFalse(f.core.authentication.authenticate(first.token()).isPresent());
        assertTrue(f.cti.detachRequests().isEmpty());
        f.core.authentication.logout(second.session());
        assertEquals(1, f.cti.detachRequests().size());
    }

    @Test
    void aSessionEndedByTheAdministratorStopsWorkingWithinTheTouchInterval() {
        LoginResult.LoggedIn in = f.login("agent1");
        assertTrue(f.core.authentication.authenticate(in.token()).isPresent());
        f.core.users.disable(new Login("agent1")); // as the admin command does, from another process
        f.clock.advance(CoreFixture.POLICY.touchInterval().plusSeconds(1));
        assertFalse(f.core.authentication.authenticate(in.token()).isPresent());
    }

    @Test
    void housekeepingExpiresIdleSessionsAndReleasesTheirPhones() {
        f.login("agent1");
        f.clock.advance(Duration.ofHours(2));
        f.core.housekeeping.housekeeping();
        assertTrue(f.cti.detachRequests().contains(new Login("agent1")));
        assertTrue(f.core.attachments.wantedLogins().isEmpty());
    }

    @Test
    void aLiveSessionWhosePhoneWasReleasedGetsItAttachedAgain() {
        LoginResult.LoggedIn in = f.login("agent1");
        f.core.attachments.release(new Login("agent1")); // as a housekeeping round racing with this login would
        assertTrue(f.core.authentication.authenticate(in.token()).isPresent());
        assertTrue(f.core.attachments.wantedLogins().contains(new Login("agent1")));
        assertEquals(2, f.cti.attachRequests().size());
    }

    @Test
    void aLoggedOutTokenStaysDeadEvenIfItsSessionIsStillStored() {
        LoginResult.LoggedIn in = f.login("agent1");
        Session session = f.core.authentication.authenticate(in.token()).orElseThrow();
        f.core.authentication.logout(session);
        f.sessions.save(session); // a request that raced with the logout writing it back
        assertFalse(f.core.authentication.authenticate(in.token()).isPresent());
    }

    @Test
    void aLoginFindingEveryCheckSlotTakenIsTurnedAwayAtOnceWithoutWaitingForASlot() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PasswordHasher slow = new PasswordHasher() {
            @Override
            public String hash(Password password) {
                return f.hasher.hash(password);
            }

            @Override
            public boolean matches(Password password, String hash) {
                inside.countDown();
                await(release);
                return f.hasher.matches(password, hash);
            }
        };
        AuthenticationService oneSlot = new AuthenticationService(new PasswordCheck(f.users, slow, 1), f.sessions,
                f.events, () -> new SessionToken("t".repeat(40)), new SessionCache(), f.core.phones, f.clock,
                () -> CoreFixture.POLICY, f.users, f.core.access, f.audit, f.core.throttle);
        CompletableFuture<LoginResult> first = CompletableFuture.supplyAsync(
                () -> oneSlot.login(new Login("agent1"), new Password(CoreFixture.PASSWORD)));
        assertTrue(inside.await(5, TimeUnit.SECONDS), "the first login holds the only slot");

        AtomicReference<LoginResult> second = new AtomicReference<>();
        Thread late = new Thread(() -> second.set(oneSlot.login(new Login("agent2"), new Password(CoreFixture.PASSWORD))));
        late.start();
        // Should the late login park waiting for a slot, free the slot: a waiting login would then get
        // it and log in, so only a login that never waited comes back Busy.
        while (late.isAlive()) {
            Thread.State state = late.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                release.countDown();
            }
            Thread.onSpinWait();
        }
        assertInstanceOf(LoginResult.Busy.class, second.get());
        release.countDown();
        assertInstanceOf(LoginResult.LoggedIn.class, first.get(5, TimeUnit.SECONDS));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
