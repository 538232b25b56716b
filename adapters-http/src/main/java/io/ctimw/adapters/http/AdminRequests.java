package io.ctimw.adapters.http;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.NewUser;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.UserChange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The admin API's bodies, validated at the edge: only the documented fields, each of its type and size
 * (400 naming the field otherwise). Whether a grant names a command of the catalog is the core's call.
 */
final class AdminRequests {
    static final int MAX_GRANTS = 100;
    private static final Set<String> NEW_USER = Set.of("login", "password", "role", "grants");
    private static final Set<String> CHANGE = Set.of("password", "role", "enabled", "grants");

    private AdminRequests() {
    }

    /** {@code {login, password, role?, grants?}}. */
    static NewUser newUser(Map<String, Object> body) {
        onlyKnown(body, NEW_USER);
        if (!(body.get("login") instanceof String login) || !Login.isValid(login)) {
            throw bad("login", "'login' must be a string of 1-" + Login.MAX_LENGTH + " letters, digits and . _ @ + -");
        }
        if (!body.containsKey("password")) {
            throw bad("password", "'password' is required");
        }
        return new NewUser(new Login(login), password(body), role(body), grants(body));
    }

    /** {@code {password?, role?, enabled?, grants?}}, at least one. */
    static UserChange change(Map<String, Object> body) {
        onlyKnown(body, CHANGE);
        if (body.isEmpty()) {
            throw bad("nothing to change: give password, role, enabled or grants");
        }
        Boolean enabled = null;
        if (body.containsKey("enabled")) {
            if (!(body.get("enabled") instanceof Boolean value)) {
                throw bad("enabled", "'enabled' must be true or false");
            }
            enabled = value;
        }
        return new UserChange(body.containsKey("password") ? password(body) : null, role(body), enabled, grants(body));
    }

    private static void onlyKnown(Map<String, Object> body, Set<String> known) {
        Set<String> unknown = new TreeSet<>(body.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw bad("unknown field(s) " + shortened(String.join(", ", unknown)) + "; allowed: "
                    + String.join(", ", new TreeSet<>(known)));
        }
    }

    private static Password password(Map<String, Object> body) {
        if (!(body.get("password") instanceof String password) || password.isEmpty()
                || password.getBytes(StandardCharsets.UTF_8).length > Password.MAX_BYTES) {
            throw bad("password", "'password' must be a non-empty string of at most " + Password.MAX_BYTES + " UTF-8 bytes");
        }
        return new Password(password);
    }

    private static Role role(Map<String, Object> body) {
        if (!body.containsKey("role")) {
            return null;
        }
        if (!(body.get("role") instanceof String role) || !(role.equals("agent") || role.equals("admin"))) {
            throw bad("role", "'role' must be \"agent\" or \"admin\"");
        }
        return Role.parse(role);
    }

    private static List<String> grants(Map<String, Object> body) {
        if (!body.containsKey("grants")) {
            return null;
        }
        if (!(body.get("grants") instanceof List<?> values) || values.size() > MAX_GRANTS) {
            throw bad("grants", "'grants' must be an array of at most " + MAX_GRANTS + " strings");
        }
        List<String> grants = new ArrayList<>();
        for (Object value : values) {
            if (!(value instanceof String grant)) {
                throw bad("grants", "'grants' must be an array of strings such as \"events\", \"control:*\", \"control:Answer\"");
            }
            grants.add(grant);
        }
        return grants;
    }

    static String shortened(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    static ProblemException bad(String detail) {
        return new ProblemException(ProblemType.BAD_REQUEST, detail);
    }

    /** A 400 whose {@code field} member names the body member at fault, so a form can show it there. */
    static ProblemException bad(String field, String detail) {
        return new ProblemException(Problem.of(ProblemType.BAD_REQUEST, detail).with("field", field));
    }
}
