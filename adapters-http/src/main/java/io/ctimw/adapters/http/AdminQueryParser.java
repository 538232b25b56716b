package io.ctimw.adapters.http;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.RequestCursor;
import io.ctimw.core.model.RequestLogQuery;
import io.ctimw.core.model.StatsQuery;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The query strings of the request log and daily statistics endpoints: unknown, repeated, blank or
 * malformed parameters are a 400 whose detail and {@code parameter} member name the parameter.
 */
final class AdminQueryParser {
    private static final Set<String> REQUESTS = Set.of("login", "status", "from", "to", "limit", "before");
    private static final Set<String> STATS = Set.of("from", "to", "login", "tz", "group");
    private static final Pattern STATUS = Pattern.compile("([1-5])([0-9][0-9]|xx)");
    private static final Pattern LIMIT = Pattern.compile("[0-9]{1,4}");
    static final int DEFAULT_LIMIT = 100;
    static final int DEFAULT_DAYS = 30;

    private final Map<String, List<String>> params;

    private AdminQueryParser(Map<String, List<String>> params, Set<String> known) {
        this.params = params;
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (!known.contains(p.getKey())) {
                throw bad(p.getKey(), "unknown query parameter '" + p.getKey() + "'; allowed: " + String.join(", ",
                        known.stream().sorted().toList()));
            }
            if (p.getValue().size() != 1 || p.getValue().get(0).isBlank()) {
                throw bad(p.getKey(), "query parameter '" + p.getKey() + "' must be given once, not blank");
            }
        }
    }

    /** {@code GET /api/v1/admin/requests}. */
    static RequestLogQuery requests(Map<String, List<String>> params) {
        AdminQueryParser p = new AdminQueryParser(params, REQUESTS);
        int[] status = p.get("status", AdminQueryParser::statusRange, new int[] {100, 599});
        Instant from = p.get("from", Instant::parse, null);
        Instant to = p.get("to", Instant::parse, null);
        if (from != null && to != null && !from.isBefore(to)) {
            throw bad("to", "'to' must be after 'from'");
        }
        int limit = p.get("limit", AdminQueryParser::limit, DEFAULT_LIMIT);
        return new RequestLogQuery(p.get("login", Login::new, null), status[0], status[1], from, to, limit,
                p.get("before", RequestCursor::parse, null));
    }

    /** {@code GET /api/v1/admin/stats/daily}; {@code today} is the default end (in the asked zone). */
    static StatsQuery stats(Map<String, List<String>> params, Instant now) {
        AdminQueryParser p = new AdminQueryParser(params, STATS);
        ZoneId zone = p.get("tz", ZoneId::of, ZoneOffset.UTC);
        LocalDate to = p.get("to", LocalDate::parse, LocalDate.ofInstant(now, zone));
        LocalDate from = params.containsKey("from") ? p.get("from", LocalDate::parse, null) : defaultFrom(to);
        String group = p.get("group", g -> g, "");
        List<String> parts = group.isEmpty() ? List.of() : List.of(group.split(",", -1));
        Set<String> groups = new java.util.HashSet<>(parts);
        if (groups.size() != parts.size() || !Set.of("login", "method").containsAll(groups)) {
            throw bad("group", "group must be login, method or login,method");
        }
        Login login = p.get("login", Login::new, null);
        try {
            return new StatsQuery(from, to, zone, login, groups.contains("login"), groups.contains("method"));
        } catch (IllegalArgumentException e) { // the message starts with the parameter at fault
            String name = e.getMessage().substring(0, Math.max(0, e.getMessage().indexOf(':')));
            throw bad(name.isEmpty() ? "to" : name, e.getMessage());
        } catch (DateTimeException e) { // a date at the very end of what LocalDate holds: no day follows it
            throw bad("to", "query parameter 'to' is out of range: " + hint("to"));
        }
    }

    /** The first day of the default range ending at {@code to}; a 'to' at the start of the calendar has none. */
    private static LocalDate defaultFrom(LocalDate to) {
        try {
            return to.minusDays(DEFAULT_DAYS - 1);
        } catch (DateTimeException e) {
            throw bad("to", "query parameter 'to' is out of range: " + hint("to"));
        }
    }

    private <T> T get(String name, Function<String, T> parse, T fallback) {
        List<String> values = params.get(name);
        if (values == null) {
            return fallback;
        }
        try {
            return parse.apply(values.get(0));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw bad(name, "query parameter '" + name + "' is not valid: " + hint(name));
        }
    }

    private static String hint(String name) {
        return switch (name) {
            case "status" -> "an HTTP status (404) or a class (4xx)";
            case "from", "to" -> "an ISO-8601 instant (2026-03-01T10:00:00Z) for requests, a date (2026-03-01) for stats";
            case "limit" -> "an integer from 1 to " + RequestLogQuery.MAX_LIMIT;
            case "before" -> "the 'next' value of the previous page";
            case "tz" -> "an IANA time zone (Europe/Moscow)";
            default -> "a login (1-" + Login.MAX_LENGTH + " letters, digits and . _ @ + -)";
        };
    }

    private static int[] statusRange(String text) {
        var m = STATUS.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("status");
        }
        int hundreds = Integer.parseInt(m.group(1)) * 100;
        return "xx".equals(m.group(2)) ? new int[] {hundreds, hundreds + 99}
                : new int[] {hundreds + Integer.parseInt(m.group(2)), hundreds + Integer.parseInt(m.group(2))};
    }

    private static int limit(String text) {
        int value = LIMIT.matcher(text).matches() ? Integer.parseInt(text) : 0;
        if (value < 1 || value > RequestLogQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("limit");
        }
        return value;
    }

    private static ProblemException bad(String parameter, String detail) {
        return new ProblemException(Problem.of(ProblemType.BAD_REQUEST, detail).with("parameter", parameter));
    }
}
