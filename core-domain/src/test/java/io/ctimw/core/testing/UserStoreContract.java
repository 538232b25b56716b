package io.ctimw.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.Grant;
import io.ctimw.core.model.Grants;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.TokenHash;
import io.ctimw.core.model.User;
import io.ctimw.core.model.UserQuery;
import io.ctimw.core.model.UserSummary;
import io.ctimw.core.port.out.DuplicateUserException;
import io.ctimw.core.port.out.SessionStore;
import io.ctimw.core.port.out.UserStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link UserStore} must do; extend it with a factory for the implementation under test. */
public abstract class UserStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T09:15:30.123456Z");

    private UserStore store;

    /** A fresh store with no users in it. */
    protected abstract UserStore newEmptyStore();

    /** The (empty) session store whose live sessions the store made last counts. */
    protected abstract SessionStore sessionStore();

    @BeforeEach
    void createStore() {
        store = newEmptyStore();
    }

    private static User user(String login, String hash, boolean enabled) {
        return new User(new Login(login), hash, enabled, T0);
    }

    @Test
    void anUnknownLoginIsNotFound() {
        assertEquals(Optional.empty(), store.find(new Login("nobody")));
        assertEquals(List.of(), store.all());
    }

    @Test
    void anAddedUserIsFoundWithEveryField() {
        User alice = new User(new Login("alice"), "$2a$04$hash-alice", false, T0);
        store.add(alice);
        assertEquals(Optional.of(alice), store.find(new Login("alice")));
    }

    @Test
    void addingATakenLoginFailsAndKeepsTheFirstUser() {
        User first = user("alice", "hash-1", true);
        store.add(first);
        assertThrows(DuplicateUserException.class, () -> store.add(user("alice", "hash-2", false)));
        assertEquals(Optional.of(first), store.find(new Login("alice")));
    }

    @Test
    void loginsAreCaseSensitive() {
        store.add(user("alice", "lower", true));
        store.add(user("Alice", "upper", true));
        assertEquals("lower", store.find(new Login("alice")).orElseThrow().passwordHash());
        assertEquals("upper", store.find(new Login("Alice")).orElseThrow().passwordHash());
    }

    @Test
    void anAdminWithGrantsAndALastLoginKeepsEveryField() {
        User admin = new User(new Login("root"), "$2a$04$h", true, T0, Role.ADMIN,
                Grants.of(Grant.EVENTS, Grant.control("Answer")), T0.plusSeconds(5));
        store.add(admin);
        assertEquals(Optional.of(admin), store.find(new Login("root")));
        User none = new User(new Login("nobody-granted"), "h", true, T0, Role.AGENT, Grants.NONE, null);
        store.add(none);
        assertEquals(Optional.of(none), store.find(new Login("nobody-granted")));
    }

    @Test
    void updatingChangesOnlyThatUserAndKeepsCreationAndLastLogin() {
        store.add(user("alice", "old-a", true));
        store.add(user("bob", "old-b", true));
        store.recordLogin(new Login("alice"), T0.plusSeconds(60));
        User changed = new User(new Login("alice"), "new-a", false, T0.plusSeconds(999), Role.ADMIN,
                Grants.of(Grant.control("Hold")), null);
        assertTrue(store.update(changed));
        assertEquals(new User(new Login("alice"), "new-a", false, T0, Role.ADMIN, Grants.of(Grant.control("Hold")),
                T0.plusSeconds(60)), store.find(new Login("alice")).orElseThrow());
        assertEquals(user("bob", "old-b", true), store.find(new Login("bob")).orElseThrow());
    }

    @Test
    void replacingSucceedsOnlyWhileTheStoredUserIsTheExpectedOne() {
        store.add(user("alice", "old-a", true));
        store.recordLogin(new Login("alice"), T0.plusSeconds(60)); // a login is not a change an edit conflicts with
        User read = store.find(new Login("alice")).orElseThrow();
        User blocked = read.withEnabled(false);
        User regranted = read.withGrants(Grants.of(Grant.control("Hold")));

        assertTrue(store.replace(read, blocked), "the first of two edits of the same read wins");
        assertFalse(store.replace(read, regranted), "the second would undo the block: refused");
        assertEquals(blocked, store.find(new Login("alice")).orElseThrow());
        assertFalse(store.replace(user("ghost", "h", true), user("ghost", "h2", true)));
        assertEquals(Optional.empty(), store.find(new Login("ghost")));
    }

    @Test
    void updatingAnUnknownUserReportsFalseAndCreatesNothing() {
        assertFalse(store.update(user("ghost", "h", true)));
        store.recordLogin(new Login("ghost"), T0);
        assertEquals(Optional.empty(), store.find(new Login("ghost")));
    }

    @Test
    void aLoginIsRememberedWithItsTime() {
        store.add(user("alice", "hash", true));
        store.recordLogin(new Login("alice"), T0.plusSeconds(1));
        store.recordLogin(new Login("alice"), T0.plusSeconds(2));
        assertEquals(T0.plusSeconds(2), store.find(new Login("alice")).orElseThrow().lastLoginAt());
    }

    @Test
    void allListsEveryUserOrderedByLoginLikeJavaStrings() {
        // Mixed case and punctuation: a locale-aware collation would order these differently.
        for (String login : List.of("bob", "alice", "Zed", "a.b", "a-b", "A_1", "10", "9")) {
            store.add(user(login, "h-" + login, true));
        }
        List<String> logins = store.all().stream().map(u -> u.login().value()).toList();
        assertEquals(List.of("10", "9", "A_1", "Zed", "a-b", "a.b", "alice", "bob"), logins);
        assertEquals("h-Zed", store.all().get(3).passwordHash());
    }

    private List<String> listed(UserQuery query) {
        return store.list(query, T0, T0.minusSeconds(600)).stream().map(u -> u.user().login().value()).toList();
    }

    @Test
    void listingFiltersByLoginSubstringRoleAndEnabledAndPagesInLoginOrder() {
        store.add(user("alice", "h", true));
        store.add(user("Malice", "h", false));
        store.add(new User(new Login("root"), "h", true, T0, Role.ADMIN, Grants.NONE, null));
        store.add(new User(new Login("rootless"), "h", false, T0, Role.ADMIN, Grants.NONE, null));
        store.add(user("bob", "h", true));
        assertEquals(List.of("Malice", "alice"), listed(new UserQuery(null, "lic", null, null, null, 10)));
        assertEquals(List.of(), listed(new UserQuery(null, "LIC", null, null, null, 10)), "case-sensitive");
        assertEquals(List.of("root", "rootless"), listed(new UserQuery(null, null, Role.ADMIN, null, null, 10)));
        assertEquals(List.of("root"), listed(UserQuery.enabledAdmins(10)));
        assertEquals(List.of("Malice", "rootless"), listed(new UserQuery(null, null, null, false, null, 10)));
        assertEquals(List.of("Malice", "alice"), listed(new UserQuery(null, null, null, null, null, 2)));
        assertEquals(List.of("bob", "root"), listed(new UserQuery(null, null, null, null, new Login("alice"), 2)));
        assertEquals(List.of("rootless"), listed(new UserQuery(null, "root", null, null, new Login("root"), 2)));
        assertEquals(List.of("root"), listed(UserQuery.only(new Login("root"))));
        assertEquals(List.of(), listed(UserQuery.only(new Login("ro"))));
    }

    @Test
    void listingCountsOnlyLiveSessionsOfEachUserAndKeepsEveryField() {
        User alice = new User(new Login("alice"), "h", true, T0, Role.AGENT, Grants.of(Grant.EVENTS), T0.plusSeconds(1));
        store.add(alice);
        store.add(user("bob", "h", true));
        SessionStore sessions = sessionStore();
        sessions.save(session(1, "alice", T0.minusSeconds(5), T0.plusSeconds(60)));
        sessions.save(session(2, "alice", T0.minusSeconds(6), T0.plusSeconds(60)));
        sessions.save(session(3, "alice", T0.minusSeconds(601), T0.plusSeconds(60))); // idle too long
        sessions.save(session(4, "alice", T0.minusSeconds(5), T0)); // expired right now
        sessions.save(session(5, "carol", T0.minusSeconds(5), T0.plusSeconds(60))); // no such user
        assertEquals(List.of(new UserSummary(alice, 2), new UserSummary(user("bob", "h", true), 0)),
                store.list(new UserQuery(null, null, null, null, null, 10), T0, T0.minusSeconds(600)));
    }

    private static Session session(int n, String login, Instant lastSeenAt, Instant expiresAt) {
        return new Session(new TokenHash(String.format("%064x", n)), new Login(login), T0.minusSeconds(3600),
                lastSeenAt, expiresAt, 0);
    }
}
