package io.ctimw.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.CoreFixture;
import io.ctimw.core.model.AdminOutcome;
import io.ctimw.core.model.AuditAction;
import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.Grant;
import io.ctimw.core.model.Grants;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.LoginResult;
import io.ctimw.core.model.NewUser;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.User;
import io.ctimw.core.model.UserChange;
import io.ctimw.core.model.UserPage;
import io.ctimw.core.model.UserQuery;
import io.ctimw.core.model.UserSummary;
import io.ctimw.core.port.in.AccessDeniedException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin API's users in the core: admins only, validated grants, audited changes, the last-admin rule. */
class AdminUsersTest {
    private static final Login ROOT = new Login("root");
    private static final Login AGENT1 = new Login("agent1");
    private final CoreFixture f = new CoreFixture();
    private final AdminUsers admin = f.core.adminUsers;
    private final Session root;

    AdminUsersTest() {
        f.core.users.add(ROOT, new Password(CoreFixture.PASSWORD), Role.ADMIN);
        root = login(ROOT, "10.0.0.9");
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private Session login(Login login, String address) {
        LoginResult.LoggedIn in = assertInstanceOf(LoginResult.LoggedIn.class,
                f.core.authentication.login(login, new Password(CoreFixture.PASSWORD), address));
        return f.session(in);
    }

    private User stored(Login login) {
        return f.users.find(login).orElseThrow();
    }

    @Test
    void anAgentIsDeniedEveryMethodAndNothingChanges() {
        Session agent = login(AGENT1, "10.0.0.1");
        List<Runnable> calls = List.of(
                () -> admin.list(agent, UserQuery.enabledAdmins(10)),
                () -> admin.get(agent, ROOT),
                () -> admin.add(agent, new NewUser(new Login("mallory"), new Password("long enough"), Role.ADMIN, null)),
                () -> admin.change(agent, AGENT1, new UserChange(null, Role.ADMIN, null, null)));
        for (Runnable call : calls) {
            assertEquals("role admin", assertThrows(AccessDeniedException.class, call::run).missing());
        }
        assertEquals(4, f.audit.of(AuditAction.ADMIN_DENIED).size());
        assertEquals(Role.AGENT, stored(AGENT1).role());
        assertTrue(f.users.find(new Login("mallory")).isEmpty());
    }

    @Test
    void addingValidatesGrantsAgainstTheCatalogAndIsAudited() {
        NewUser fly = new NewUser(new Login("carol"), new Password("long enough"), null, List.of("events", "control:Fly"));
        AdminOutcome.Invalid<?> flyRefused = assertInstanceOf(AdminOutcome.Invalid.class, admin.add(root, fly));
        assertTrue(flyRefused.detail().contains("control:Fly"), flyRefused.detail());
        assertEquals("grants", flyRefused.field());
        NewUser malformed = new NewUser(new Login("carol"), new Password("long enough"), null, List.of("control:"));
        assertTrue(assertInstanceOf(AdminOutcome.Invalid.class, admin.add(root, malformed)).detail().contains("control:"));
        NewUser weak = new NewUser(new Login("carol"), new Password("short"), null, null);
        assertEquals("password", assertInstanceOf(AdminOutcome.Invalid.class, admin.add(root, weak)).field());
        assertTrue(f.users.find(new Login("carol")).isEmpty());

        NewUser carol = new NewUser(new Login("carol"), new Password("long enough"), null, List.of("control:Answer"));
        UserSummary added = assertInstanceOf(AdminOutcome.Done.class, admin.add(root, carol)).value() instanceof UserSummary s
                ? s : null;
        assertEquals(new UserSummary(stored(new Login("carol")), 0), added);
        assertEquals(Grants.of(Grant.control("Answer")), stored(new Login("carol")).grants());
        assertInstanceOf(AdminOutcome.Exists.class, admin.add(root, carol));
        AuditEntry entry = f.audit.of(AuditAction.USER_ADDED).get(0);
        assertEquals(List.of(ROOT, "10.0.0.9", "carol", "role=agent enabled=true grants=[control:Answer]"),
                List.of(entry.actor(), entry.address(), entry.target(), entry.after()));
    }

    @Test
    void listingFiltersPagesAndCountsLiveSessions() {
        login(AGENT1, "10.0.0.1");
        login(AGENT1, "10.0.0.2");
        UserPage first = admin.list(root, new UserQuery(null, "agent", null, null, null, 1));
        assertEquals(List.of(new UserSummary(stored(AGENT1), 2)), first.users());
        assertEquals(AGENT1, first.next());
        UserPage second = admin.list(root, new UserQuery(null, "agent", null, null, first.next(), 1));
        assertEquals(List.of("agent2"), second.users().stream().map(u -> u.user().login().value()).toList());
        assertNull(second.next());
        assertEquals(List.of(ROOT), admin.list(root, new UserQuery(null, null, Role.ADMIN, true, null, 10)).users()
                .stream().map(u -> u.user().login()).toList());
        assertInstanceOf(AdminOutcome.NotFound.class, admin.get(root, new Login("ghost")));
        assertInstanceOf(AdminOutcome.NotFound.class,
                admin.change(root, new Login("ghost"), new UserChange(null, null, false, null)));
    }

    @Test
    void blockingEndsTheSessionsAtOnceReleasesThePhoneAndIsAuditedWithoutHashes() {
        var in = assertInstanceOf(LoginResult.LoggedIn.class,
                f.core.authentication.login(AGENT1, new Password(CoreFixture.PASSWORD), "10.0.0.1"));
        AdminOutcome<UserSummary> done = admin.change(root, AGENT1, new UserChange(new Password("a new password"),
                null, false, null));
        assertEquals(new UserSummary(stored(AGENT1), 0), ((AdminOutcome.Done<UserSummary>) done).value());
        assertTrue(f.core.authentication.authenticate(in.token()).isEmpty());
        assertTrue(f.cti.detachRequests().contains(AGENT1));
        AuditEntry entry = f.audit.of(AuditAction.USER_CHANGED).get(0);
        assertEquals(List.of("role=agent enabled=true grants=[control:*, events]",
                "role=agent enabled=false grants=[control:*, events]", "password changed"),
                List.of(entry.before(), entry.after(), entry.detail()));
        assertFalse(entry.toString().contains(stored(AGENT1).passwordHash()));
    }

    @Test
    void aGrantRemovedAppliesToTheNextRequestOfALiveSession() {
        Session agent = login(AGENT1, "10.0.0.1");
        f.core.access.require(agent, Grant.control("Answer"));
        admin.change(root, AGENT1, new UserChange(null, null, null, List.of("events")));
        assertEquals("control:Answer", assertThrows(AccessDeniedException.class,
                () -> f.core.access.require(agent, Grant.control("Answer"))).missing());
        f.core.access.require(agent, Grant.EVENTS);
    }

    @Test
    void theLastEnabledAdminCannotBeBlockedOrDemotedAnotherCan() {
        assertInstanceOf(AdminOutcome.LastAdmin.class, admin.change(root, ROOT, new UserChange(null, null, false, null)));
        assertInstanceOf(AdminOutcome.LastAdmin.class,
                admin.change(root, ROOT, new UserChange(null, Role.AGENT, null, null)));
        assertEquals(List.of(Role.ADMIN, true), List.of(stored(ROOT).role(), stored(ROOT).enabled()));
        admin.add(root, new NewUser(new Login("root2"), new Password("long enough"), Role.ADMIN, null));
        admin.change(root, new Login("root2"), new UserChange(null, null, false, null));
        assertInstanceOf(AdminOutcome.LastAdmin.class, admin.change(root, ROOT, new UserChange(null, null, false, null)),
                "a blocked admin does not count");
        admin.change(root, new Login("root2"), new UserChange(null, null, true, null));
        assertInstanceOf(AdminOutcome.Done.class, admin.change(root, ROOT, new UserChange(null, Role.AGENT, null, null)));
        assertEquals(Role.AGENT, stored(ROOT).role());
        assertThrows(AccessDeniedException.class, () -> admin.get(root, ROOT), "demoted: no longer an admin");
    }
}
