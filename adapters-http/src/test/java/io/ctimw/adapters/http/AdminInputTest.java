package io.ctimw.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.AdminOutcome;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.NewUser;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.UserChange;
import io.ctimw.core.model.UserQuery;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin API's strict input (bodies and query strings) and the answer to each core outcome. */
class AdminInputTest {
    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static String refused(Runnable parse) {
        ProblemException e = assertThrows(ProblemException.class, parse::run);
        assertEquals(400, e.problem().status());
        return e.problem().detail();
    }

    @Test
    void aNewUserNeedsLoginAndPasswordAndTakesOnlyKnownFieldsOfTheirTypes() {
        assertEquals(new NewUser(new Login("carol"), new Password("long enough"), Role.ADMIN, List.of("events")),
                AdminRequests.newUser(body("login", "carol", "password", "long enough", "role", "admin",
                        "grants", List.of("events"))));
        assertEquals(new NewUser(new Login("carol"), new Password("long enough"), null, null),
                AdminRequests.newUser(body("login", "carol", "password", "long enough")));
        assertTrue(refused(() -> AdminRequests.newUser(body("login", "carol", "password", "p", "admin", true)))
                .contains("admin"));
        assertTrue(refused(() -> AdminRequests.newUser(body("password", "long enough"))).contains("'login'"));
        assertTrue(refused(() -> AdminRequests.newUser(body("login", "carol"))).contains("'password'"));
        assertTrue(refused(() -> AdminRequests.newUser(body("login", "a b", "password", "p"))).contains("'login'"));
        assertTrue(refused(() -> AdminRequests.newUser(body("login", "c", "password", "x".repeat(73)))).contains("72"));
        assertTrue(refused(() -> AdminRequests.newUser(body("login", "c", "password", "p", "role", "root")))
                .contains("'role'"));
        assertTrue(refused(() -> AdminRequests.newUser(body("login", "c", "password", "p", "grants", "events")))
                .contains("'grants'"));
        assertTrue(refused(() -> AdminRequests.newUser(body("login", "c", "password", "p", "grants", List.of(7))))
                .contains("'grants'"));
        List<String> tooMany = Collections.nCopies(AdminRequests.MAX_GRANTS + 1, "events");
        assertTrue(refused(() -> AdminRequests.newUser(body("login", "c", "password", "p", "grants", tooMany)))
                .contains("at most"));
    }

    @Test
    void aChangeTakesAtLeastOneKnownFieldOfItsType() {
        assertEquals(new UserChange(null, Role.AGENT, false, List.of()),
                AdminRequests.change(body("role", "agent", "enabled", false, "grants", List.of())));
        assertTrue(refused(() -> AdminRequests.change(body())).contains("nothing to change"));
        assertTrue(refused(() -> AdminRequests.change(body("enabled", "false"))).contains("'enabled'"));
        assertTrue(refused(() -> AdminRequests.change(body("enabled", null))).contains("'enabled'"));
        assertTrue(refused(() -> AdminRequests.change(body("login", "other"))).contains("login"));
        assertTrue(refused(() -> AdminRequests.change(body("password", ""))).contains("'password'"));
    }

    @Test
    void theUserQueryIsParsedStrictly() {
        assertEquals(new UserQuery(null, "ag", Role.AGENT, true, new Login("agent1"), 5), UserQueryParser.parse(Map.of(
                "q", List.of("ag"), "role", List.of("agent"), "enabled", List.of("true"), "after", List.of("agent1"),
                "limit", List.of("5"))));
        assertEquals(new UserQuery(null, null, null, null, null, UserQueryParser.DEFAULT_LIMIT),
                UserQueryParser.parse(Map.of()));
        for (Map<String, List<String>> bad : List.of(Map.of("limit", List.of("0")), Map.of("limit", List.of("501")),
                Map.of("limit", List.of("+5")), Map.of("enabled", List.of("yes")), Map.of("role", List.of("ADMIN")),
                Map.of("after", List.of("a b")), Map.of("q", List.of("")), Map.of("sort", List.of("login")),
                Map.of("q", List.of("a", "b")))) {
            refused(() -> UserQueryParser.parse(bad));
        }
    }

    @Test
    void everyOutcomeHasItsAnswer() {
        assertEquals("value", AdminJson.done(new AdminOutcome.Done<>("value")));
        Map<AdminOutcome<String>, String> problems = Map.of(
                new AdminOutcome.NotFound<>("n"), ProblemType.NOT_FOUND.uri(),
                new AdminOutcome.Exists<>("e"), ProblemType.USER_EXISTS.uri(),
                new AdminOutcome.LastAdmin<>("l"), ProblemType.LAST_ADMIN.uri(),
                new AdminOutcome.Invalid<>("i"), ProblemType.BAD_REQUEST.uri());
        problems.forEach((outcome, type) ->
                assertEquals(type, assertThrows(ProblemException.class, () -> AdminJson.done(outcome)).problem().type()));
        assertEquals(409, ProblemType.LAST_ADMIN.status());
    }
}
