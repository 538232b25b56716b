package io.ctimw.adapters.http;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.UserQuery;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/admin/users?q=&role=&enabled=&limit=&after=}: unknown or repeated parameters and
 * values out of their range are 400. Paging is by login: {@code after} is the previous page's {@code next}.
 */
final class UserQueryParser {
    static final int DEFAULT_LIMIT = 100;
    private static final Set<String> KNOWN = Set.of("q", "role", "enabled", "limit", "after");
    private static final Pattern LIMIT = Pattern.compile("[1-9][0-9]{0,2}");

    private UserQueryParser() {
    }

    static UserQuery parse(Map<String, List<String>> params) {
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            if (!KNOWN.contains(param.getKey())) {
                throw AdminRequests.bad("unknown query parameter; allowed: q, role, enabled, limit, after");
            }
            if (param.getValue().size() != 1) {
                throw AdminRequests.bad("query parameter '" + param.getKey() + "' given more than once");
            }
        }
        String q = one(params, "q");
        if (q != null && (q.isEmpty() || q.length() > Login.MAX_LENGTH)) {
            throw AdminRequests.bad("q must be 1-" + Login.MAX_LENGTH + " characters");
        }
        return new UserQuery(null, q, role(one(params, "role")), enabled(one(params, "enabled")),
                after(one(params, "after")), limit(one(params, "limit")));
    }

    private static String one(Map<String, List<String>> params, String name) {
        return params.containsKey(name) ? params.get(name).get(0) : null;
    }

    private static Role role(String text) {
        if (text == null) {
            return null;
        }
        if (!text.equals("agent") && !text.equals("admin")) {
            throw AdminRequests.bad("role must be agent or admin");
        }
        return Role.parse(text);
    }

    private static Boolean enabled(String text) {
        if (text == null) {
            return null;
        }
        if (!text.equals("true") && !text.equals("false")) {
            throw AdminRequests.bad("enabled must be true or false");
        }
        return Boolean.valueOf(text);
    }

    private static Login after(String text) {
        if (text == null) {
            return null;
        }
        if (!Login.isValid(text)) {
            throw AdminRequests.bad("after must be a login (the 'next' of the previous page)");
        }
        return new Login(text);
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        if (!LIMIT.matcher(text).matches() || Integer.parseInt(text) > UserQuery.MAX_LIMIT) {
            throw AdminRequests.bad("limit must be an integer from 1 to " + UserQuery.MAX_LIMIT);
        }
        return Integer.parseInt(text);
    }
}
