package io.ctimw.core.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.CoreFixture;
import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.LoginResult;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.ThrottlePolicy;
import io.ctimw.core.port.in.AccessDeniedException;
import io.ctimw.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The login throttle through the core's login, with a clock that moves only when told (default policy: 5 / 20 / 15 min). */
class LoginThrottleTest {
    private static final Login AGENT1 = new Login("agent1");
    private static final String HOME = "192.0.2.1";

    private final CoreFixture f = new CoreFixture();

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private LoginResult attempt(Login login, String password, String address) {
        return f.core.authentication.login(login, new Password(password), address);
    }

    private void fail(Login login, int times, String address) {
        for (int i = 0; i < times; i++) {
            assertInstanceOf(LoginResult.Rejected.class, attempt(login, "wrong-password", address));
        }
    }

    @Test
    void theSixthAttemptAfterFiveFailuresIsRefusedWithoutAHashEvenWithTheRightPassword() {
        fail(AGENT1, 5, HOME);
        int hashes = f.hasher.verifications();

        LoginResult sixth = attempt(AGENT1, CoreFixture.PASSWORD, HOME);

        assertEquals(Duration.ofMinutes(15), assertInstanceOf(LoginResult.Throttled.class, sixth).retryAfter());
        assertEquals(hashes, f.hasher.verifications(), "a throttled attempt costs no hash");
        AuditEntry audited = f.audit.of(AuditAction.LOGIN_THROTTLED).get(0);
        assertEquals("agent1", audited.target());
        assertEquals(HOME, audited.address());
        assertInstanceOf(LoginResult.LoggedIn.class, attempt(new Login("agent2"), CoreFixture.PASSWORD, "192.0.2.2"),
                "other logins are not affected");
    }

    @Test
    void hammeringALockedLoginIsAuditedOncePerLock() {
        fail(AGENT1, 5, HOME);
        for (int i = 0; i < 50; i++) {
            throttled(attempt(AGENT1, "wrong-password", HOME));
        }
        assertEquals(1, f.audit.of(AuditAction.LOGIN_THROTTLED).size(), "one entry for the whole lock");
        f.clock.advance(Duration.ofMinutes(15)); // the lock has passed
        fail(AGENT1, 1, HOME); // locks again, twice as long
        throttled(attempt(AGENT1, CoreFixture.PASSWORD, HOME));
        throttled(attempt(AGENT1, CoreFixture.PASSWORD, HOME));
        assertEquals(2, f.audit.of(AuditAction.LOGIN_THROTTLED).size(), "the next lock is reported again");
    }

    @Test
    void theLockCountsDownAFailureRightAfterItDoublesTheNextAndASuccessForgetsTheSeries() {
        fail(AGENT1, 5, HOME);
        f.clock.advance(Duration.ofMinutes(10));
        assertEquals(Duration.ofMinutes(5), throttled(attempt(AGENT1, CoreFixture.PASSWORD, HOME)));
        f.clock.advance(Duration.ofMinutes(5)); // the window has passed: one attempt is checked again

        fail(AGENT1, 1, HOME);
        assertEquals(Duration.ofMinutes(30), throttled(attempt(AGENT1, CoreFixture.PASSWORD, HOME)), "growing delay");
        f.clock.advance(Duration.ofMinutes(30));
        fail(AGENT1, 1, HOME);
        assertEquals(Duration.ofMinutes(60), throttled(attempt(AGENT1, CoreFixture.PASSWORD, HOME)));
        f.clock.advance(Duration.ofMinutes(60));

        assertInstanceOf(LoginResult.LoggedIn.class, attempt(AGENT1, CoreFixture.PASSWORD, HOME));
        fail(AGENT1, 4, HOME);
        assertInstanceOf(LoginResult.LoggedIn.class, attempt(AGENT1, CoreFixture.PASSWORD, HOME),
                "a success starts the count again");
    }

    @Test
    void theDelayStopsGrowingAtSixteenWindows() {
        ThrottlePolicy policy = ThrottlePolicy.DEFAULT;
        assertEquals(List.of(15L, 30L, 60L, 120L, 240L, 240L), List.of(1, 2, 3, 4, 5, 9).stream()
                .map(strike -> policy.lockFor(strike).toMinutes()).toList());
    }

    @Test
    void failuresFurtherApartThanTheWindowNeverLock() {
        fail(AGENT1, 4, HOME);
        f.clock.advance(Duration.ofMinutes(15));
        fail(AGENT1, 4, HOME);
        assertInstanceOf(LoginResult.LoggedIn.class, attempt(AGENT1, CoreFixture.PASSWORD, HOME));
    }

    @Test
    void oneAddressSprayingManyLoginsIsLockedForEveryLoginWhileOtherAddressesAreNot() {
        for (int i = 0; i < 20; i++) {
            fail(new Login("guess" + i), 1, "203.0.113.9");
        }
        LoginResult sprayer = attempt(AGENT1, CoreFixture.PASSWORD, "203.0.113.9");
        assertEquals(Duration.ofMinutes(15), throttled(sprayer));
        assertInstanceOf(LoginResult.LoggedIn.class, attempt(AGENT1, CoreFixture.PASSWORD, HOME));
    }

    @Test
    void anAdministratorUnblocksALoginAtOnceAndItIsAudited() {
        Session boss = admin();
        fail(AGENT1, 5, HOME);
        assertThrows(AccessDeniedException.class,
                () -> f.core.throttleAdministration.unblock(f.session(f.login("agent2")), AGENT1));
        assertInstanceOf(LoginResult.Throttled.class, attempt(AGENT1, CoreFixture.PASSWORD, HOME));

        assertTrue(f.core.throttleAdministration.unblock(boss, AGENT1));

        assertInstanceOf(LoginResult.LoggedIn.class, attempt(AGENT1, CoreFixture.PASSWORD, HOME));
        AuditEntry reset = f.audit.of(AuditAction.LOGIN_THROTTLE_RESET).get(0);
        assertEquals(new Login("boss"), reset.actor());
        assertEquals("agent1", reset.target());
    }

    @Test
    void aChangedLimitAppliesToTheNextAttempt() {
        f.core.settings.change(admin(), Map.of("login-throttle.max-failures", 2));
        fail(AGENT1, 2, HOME);
        assertInstanceOf(LoginResult.Throttled.class, attempt(AGENT1, CoreFixture.PASSWORD, HOME));
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfLoginsAndTheLockedLoginStaysLocked() {
        MutableClock clock = MutableClock.at("2026-01-01T10:00:00Z");
        LoginThrottle throttle = new LoginThrottle(() -> ThrottlePolicy.DEFAULT, clock, 100);
        for (int i = 0; i < 5; i++) {
            throttle.failed(AGENT1, null);
        }
        for (int i = 0; i < 10_000; i++) {
            throttle.failed(new Login("junk" + i), "198.51.100." + (i % 250));
            if (i % 50 == 0) {
                assertTrue(throttle.lockedFor(AGENT1, null).isPresent(), "the attacked login is seen, so kept");
            }
        }
        assertTrue(throttle.tracked() <= 200, "tracked " + throttle.tracked());
        clock.advance(Duration.ofMinutes(30)); // past agent1's lock and a window after it
        throttle.failed(new Login("late"), "198.51.100.1");
        assertEquals(2, throttle.tracked(), "finished series are dropped as new failures come in");
    }

    private Session admin() {
        f.core.users.add(new Login("boss"), new Password(CoreFixture.PASSWORD), Role.ADMIN);
        return f.session(f.login("boss"));
    }

    private static Duration throttled(LoginResult result) {
        return assertInstanceOf(LoginResult.Throttled.class, result).retryAfter();
    }
}
