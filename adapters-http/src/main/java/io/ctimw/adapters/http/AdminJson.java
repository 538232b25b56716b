package io.ctimw.adapters.http;

import io.ctimw.core.model.AdminOutcome;
import io.ctimw.core.model.LiveSession;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.User;
import io.ctimw.core.model.UserPage;
import io.ctimw.core.model.UserSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/** The admin API's answers: users and sessions as JSON members, and each refusal as its problem. */
final class AdminJson {
    private AdminJson() {
    }

    static Map<String, Object> user(UserSummary summary) {
        User user = summary.user();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("login", user.login().value());
        body.put("role", user.role().wireName());
        body.put("enabled", user.enabled());
        body.put("grants", user.grants().names());
        body.put("createdAt", user.createdAt().toString());
        body.put("lastLoginAt", user.lastLoginAt() == null ? null : user.lastLoginAt().toString());
        body.put("activeSessions", summary.activeSessions());
        return body;
    }

    static Map<String, Object> users(UserPage page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("users", page.users().stream().map(AdminJson::user).toList());
        body.put("next", page.next() == null ? null : page.next().value());
        return body;
    }

    static Map<String, Object> session(LiveSession live) {
        Session s = live.session();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", s.id());
        body.put("login", s.login().value());
        body.put("since", s.createdAt().toString());
        body.put("clientAddress", s.clientAddress());
        body.put("lastSeenAt", s.lastSeenAt().toString());
        body.put("expiresAt", s.expiresAt().toString());
        body.put("deliveredCursor", s.deliveredCursor());
        body.put("cursorLag", live.cursorLag());
        return body;
    }

    /**
     * The value of a done request; @throws ProblemException for every other outcome. Java 17 has no
     * exhaustive switch over sealed types: AdminJsonTest covers every case.
     */
    static <T> T done(AdminOutcome<T> outcome) {
        if (outcome instanceof AdminOutcome.Done<T> d) {
            return d.value();
        }
        if (outcome instanceof AdminOutcome.NotFound<T> n) {
            throw new ProblemException(ProblemType.NOT_FOUND, n.detail());
        }
        if (outcome instanceof AdminOutcome.Exists<T> e) {
            throw new ProblemException(Problem.of(ProblemType.USER_EXISTS, e.detail()).with("field", "login"));
        }
        if (outcome instanceof AdminOutcome.LastAdmin<T> l) {
            throw new ProblemException(ProblemType.LAST_ADMIN, l.detail());
        }
        if (outcome instanceof AdminOutcome.Invalid<T> i) {
            Problem problem = Problem.of(ProblemType.BAD_REQUEST, i.detail());
            throw new ProblemException(i.field() == null ? problem : problem.with("field", i.field()));
        }
        throw new IllegalStateException("unhandled outcome " + outcome);
    }
}
