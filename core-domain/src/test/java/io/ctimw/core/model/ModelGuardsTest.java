package io.ctimw.core.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every value refuses every invalid input its compact constructor guards against, and takes the edges. */
class ModelGuardsTest {
    private static final Login LOGIN = new Login("agent1");
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final TokenHash HASH = new TokenHash("a".repeat(64));

    private static void refused(Class<? extends Throwable> type, Executable... inputs) {
        for (Executable input : inputs) {
            assertThrows(type, input);
        }
    }

    @Test
    void login() {
        refused(IllegalArgumentException.class, () -> new Login(null), () -> new Login(""),
                () -> new Login("a".repeat(Login.MAX_LENGTH + 1)), () -> new Login("has space"),
                () -> new Login("semi;colon"), () -> new Login("line\nbreak"), () -> new Login("ünï"));
        assertDoesNotThrow(() -> new Login("a".repeat(Login.MAX_LENGTH)));
        assertDoesNotThrow(() -> new Login("A.z_0@x+y-1"));
    }

    @Test
    void callId() {
        refused(IllegalArgumentException.class, () -> new CallId(null, false), () -> new CallId("", false),
                () -> new CallId("c".repeat(CallId.MAX_LENGTH + 1), false), () -> new CallId("12a", true),
                () -> new CallId("1.5", true), () -> new CallId("1".repeat(20), true));
        assertEquals("\"x\"", CallId.ofText("x").toString());
        assertEquals("-7", CallId.ofNumber(-7).toString());
    }

    @Test
    void password() {
        refused(IllegalArgumentException.class, () -> new Password(null), () -> new Password(""),
                () -> new Password("x".repeat(Password.MAX_BYTES + 1)),
                () -> new Password("é".repeat(Password.MAX_BYTES / 2 + 1)), // 2 bytes each in UTF-8
                () -> new Password("short").requireStrongEnough());
        assertDoesNotThrow(() -> new Password("x".repeat(Password.MAX_BYTES)));
        assertDoesNotThrow(() -> new Password("12345678").requireStrongEnough());
        assertEquals("Password[***]", new Password("secret-pass").toString());
    }

    @Test
    void sessionToken() {
        refused(IllegalArgumentException.class, () -> new SessionToken(null), () -> new SessionToken("a".repeat(31)),
                () -> new SessionToken("a".repeat(129)), () -> new SessionToken("a".repeat(31) + "="),
                () -> new SessionToken("a".repeat(31) + "/"));
        assertDoesNotThrow(() -> new SessionToken("a".repeat(32)));
        assertEquals("SessionToken[***]", new SessionToken("b".repeat(40)).toString());
    }

    @Test
    void tokenHash() {
        refused(IllegalArgumentException.class, () -> new TokenHash(null), () -> new TokenHash("a".repeat(63)),
                () -> new TokenHash("a".repeat(65)), () -> new TokenHash("A".repeat(64)),
                () -> new TokenHash("g".repeat(64)));
        assertEquals("aaaaaaaa", HASH.tag());
    }

    @Test
    void user() {
        refused(NullPointerException.class, () -> new User(null, "h", true, T), () -> new User(LOGIN, null, true, T),
                () -> new User(LOGIN, "h", true, null));
        assertEquals("User[login=agent1, role=agent, enabled=true, grants=[control:*, events], createdAt=" + T
                + ", lastLoginAt=null]", new User(LOGIN, "$2a$hash", true, T).toString());
        refused(NullPointerException.class, () -> new User(LOGIN, "h", true, T, null, Grants.ALL, null),
                () -> new User(LOGIN, "h", true, T, Role.AGENT, null, null));
    }

    @Test
    void grantsAndRoles() {
        refused(IllegalArgumentException.class, () -> new Grant(""), () -> new Grant("control:"),
                () -> new Grant("control:Ans wer"), () -> new Grant("admin"), () -> new Grant("events "),
                () -> Role.parse("root"), () -> Role.parse("ADMIN"));
        assertEquals("Answer", Grant.control("Answer").command());
        assertEquals(null, Grant.ALL_CONTROL.command());
        Grants some = Grants.parse(java.util.List.of("events", "control:Answer"));
        assertEquals(java.util.List.of("control:Answer", "events"), some.names());
        assertEquals(true, some.covers(Grant.control("Answer")));
        assertEquals(false, some.covers(Grant.control("Hold")));
        assertEquals(true, Grants.ALL.covers(Grant.control("Hold")));
        assertEquals(false, Grants.of(Grant.ALL_CONTROL).covers(Grant.EVENTS));
        assertEquals(Role.ADMIN, Role.parse("admin"));
    }

    @Test
    void backoff() {
        refused(NullPointerException.class, () -> new Backoff(null, Duration.ofSeconds(1), () -> 0),
                () -> new Backoff(Duration.ofSeconds(1), null, () -> 0),
                () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), null));
        refused(IllegalArgumentException.class,
                () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), () -> 0),
                () -> new Backoff(Duration.ofMillis(-1), Duration.ofSeconds(1), () -> 0),
                () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0));
    }

    @Test
    void session() {
        refused(NullPointerException.class, () -> new Session(null, LOGIN, T, T, T, 0),
                () -> new Session(HASH, null, T, T, T, 0), () -> new Session(HASH, LOGIN, null, T, T, 0),
                () -> new Session(HASH, LOGIN, T, null, T, 0), () -> new Session(HASH, LOGIN, T, T, null, 0));
        refused(IllegalArgumentException.class, () -> new Session(HASH, LOGIN, T, T, T, -1));
    }

    @Test
    void storedAndPendingEvents() {
        refused(NullPointerException.class, () -> new StoredEvent(1, null, "E", "{}", T),
                () -> new StoredEvent(1, LOGIN, null, "{}", T), () -> new StoredEvent(1, LOGIN, "E", null, T),
                () -> new StoredEvent(1, LOGIN, "E", "{}", null),
                () -> new PendingEvent(null, "E", "{}", T), () -> new PendingEvent(LOGIN, null, "{}", T),
                () -> new PendingEvent(LOGIN, "E", null, T), () -> new PendingEvent(LOGIN, "E", "{}", null));
        refused(IllegalArgumentException.class, () -> new StoredEvent(0, LOGIN, "E", "{}", T),
                () -> new StoredEvent(-1, LOGIN, "E", "{}", T));
    }

    @Test
    void ctiEvent() {
        refused(NullPointerException.class, () -> new CtiEvent(null, "E", null, null, null, "{}"),
                () -> new CtiEvent(LOGIN, null, null, null, null, "{}"),
                () -> new CtiEvent(LOGIN, "E", null, null, null, null));
        refused(IllegalArgumentException.class, () -> new CtiEvent(LOGIN, "", null, null, null, "{}"));
    }

    @Test
    void eventQuery() {
        Duration wait = Duration.ofSeconds(1);
        refused(NullPointerException.class, () -> new EventQuery(null, 1, wait),
                () -> new EventQuery(OptionalLong.empty(), 1, null));
        refused(IllegalArgumentException.class, () -> new EventQuery(OptionalLong.of(-1), 1, wait),
                () -> new EventQuery(OptionalLong.empty(), 0, wait),
                () -> new EventQuery(OptionalLong.empty(), EventQuery.MAX_LIMIT + 1, wait),
                () -> new EventQuery(OptionalLong.empty(), 1, Duration.ofMillis(-1)),
                () -> new EventQuery(OptionalLong.empty(), 1, EventQuery.MAX_WAIT.plusMillis(1)));
        assertDoesNotThrow(() -> new EventQuery(OptionalLong.of(0), EventQuery.MAX_LIMIT, EventQuery.MAX_WAIT));
    }

    @Test
    void controlCommandAndRequest() {
        refused(NullPointerException.class, () -> new ControlCommand(null, java.util.Map.of()),
                () -> new ControlRequest("Answer", null));
    }
}
