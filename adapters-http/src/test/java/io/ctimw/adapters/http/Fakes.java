package io.ctimw.adapters.http;

import io.ctimw.core.model.CommandId;
import io.ctimw.core.model.CommandReceipt;
import io.ctimw.core.model.CommandRecord;
import io.ctimw.core.model.ControlRequest;
import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.Entitlements;
import io.ctimw.core.model.EventQuery;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.LoginResult;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Readiness;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.SessionToken;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.model.AuditPage;
import io.ctimw.core.model.AuditQuery;
import io.ctimw.core.model.AdminOutcome;
import io.ctimw.core.model.Grants;
import io.ctimw.core.model.LiveSession;
import io.ctimw.core.model.NewUser;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.User;
import io.ctimw.core.model.UserChange;
import io.ctimw.core.model.UserPage;
import io.ctimw.core.model.UserQuery;
import io.ctimw.core.model.UserSummary;
import io.ctimw.core.port.in.AccessDeniedException;
import io.ctimw.core.port.in.AdminSessionsUseCase;
import io.ctimw.core.port.in.AdminUsersUseCase;
import io.ctimw.core.port.in.LoginThrottleUseCase;
import io.ctimw.core.port.in.AuditUseCase;
import io.ctimw.core.port.in.AuthenticationUseCase;
import io.ctimw.core.port.in.CallControlUseCase;
import io.ctimw.core.port.in.EventStream;
import io.ctimw.core.model.StreamEnd;
import java.util.ArrayList;
import java.util.OptionalLong;
import io.ctimw.core.port.in.EventsUseCase;
import io.ctimw.core.port.in.InvalidSettingException;
import io.ctimw.core.port.in.ReadinessUseCase;
import io.ctimw.core.model.ApiRequest;
import io.ctimw.core.model.DailyReport;
import io.ctimw.core.model.LoggedRequest;
import io.ctimw.core.model.RequestLogQuery;
import io.ctimw.core.model.StatsQuery;
import io.ctimw.core.port.in.AccessDeniedException;
import io.ctimw.core.port.in.RequestLogUseCase;
import io.ctimw.core.port.in.SettingsUseCase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/** Hand-written fakes of the inbound ports that record what the HTTP adapter handed them. */
final class Fakes {
    static final String TOKEN = "tok_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdef";
    static final Instant CREATED = Instant.parse("2026-11-21T08:00:00Z");
    static final Instant EXPIRES = Instant.parse("2026-11-21T20:00:00Z");
    static final Session SESSION = session("agent1", TOKEN, 7);
    /** A second agent, to show one client's flood does not reach another agent's requests. */
    static final String OTHER_TOKEN = "tok_ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210fedcba";
    static final Session OTHER_SESSION = session("agent2", OTHER_TOKEN, 0);

    private Fakes() {
    }

    static Session session(String login, String token, long cursor) {
        return new Session(new SessionToken(token).hash(), new Login(login), CREATED, CREATED, EXPIRES, cursor);
    }

    /** Knows one password per login and the live tokens; counts every call. */
    static final class Auth implements AuthenticationUseCase {
        final Map<String, String> passwords = new ConcurrentHashMap<>(Map.of("agent1", "s3cret-pass"));
        final Map<String, Session> sessions = new ConcurrentHashMap<>(Map.of(TOKEN, SESSION, OTHER_TOKEN, OTHER_SESSION));
        final List<Object> calls = new CopyOnWriteArrayList<>();
        volatile RuntimeException failure;
        volatile boolean busy;
        /** When set, every login is throttled for this long. */
        volatile java.time.Duration throttled;
        /** When set, every password check waits for it: a bcrypt that takes forever. */
        volatile CountDownLatch slowChecks;

        @Override
        public LoginResult login(Login login, Password password, String clientAddress) {
            calls.add(List.of("login", login, password));
            throwIfFailing();
            awaitSlowChecks();
            if (busy) {
                return new LoginResult.Busy();
            }
            if (throttled != null) {
                return new LoginResult.Throttled(throttled);
            }
            if (password.value().equals(passwords.get(login.value()))) {
                return new LoginResult.LoggedIn(SESSION, new SessionToken(TOKEN));
            }
            return new LoginResult.Rejected();
        }

        @Override
        public Optional<Session> authenticate(SessionToken token) {
            calls.add(List.of("authenticate", token));
            throwIfFailing();
            return Optional.ofNullable(sessions.get(token.value()));
        }

        @Override
        public void logout(Session session) {
            calls.add(List.of("logout", session));
            sessions.values().remove(session);
        }

        long logins() {
            return calls.stream().filter(c -> c instanceof List<?> l && "login".equals(l.get(0))).count();
        }

        private void awaitSlowChecks() {
            CountDownLatch latch = slowChecks;
            if (latch == null) {
                return;
            }
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void throwIfFailing() {
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Answers each poll with whatever {@code next} supplies (a completed list by default). */
    static final class Events implements EventsUseCase {
        final List<EventQuery> queries = new CopyOnWriteArrayList<>();
        final List<Session> sessions = new CopyOnWriteArrayList<>();
        volatile Supplier<CompletionStage<List<StoredEvent>>> next = () -> CompletableFuture.completedFuture(List.of());

        final List<Stream> streams = new CopyOnWriteArrayList<>();
        /** When set, opening a stream is refused with it (e.g. no grant). */
        volatile RuntimeException streamFailure;
        /** When set, each stream ends at once for this reason (so its response is complete). */
        volatile StreamEnd endAtOnce;

        @Override
        public CompletionStage<List<StoredEvent>> poll(Session session, EventQuery query) {
            sessions.add(session);
            queries.add(query);
            return next.get();
        }

        @Override
        public EventStream stream(Session session, OptionalLong after, Runnable wake) {
            if (streamFailure != null) {
                throw streamFailure;
            }
            Stream stream = new Stream(session, after, wake);
            streams.add(stream);
            if (endAtOnce != null) {
                stream.end(endAtOnce);
            }
            return stream;
        }
    }

    /** An open stream the test feeds by hand: what it is given is taken at the next wake-up. */
    static final class Stream implements EventStream {
        final Session session;
        final OptionalLong after;
        final java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
        private final Runnable wake;
        private final java.util.Queue<StoredEvent> ready = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private volatile StreamEnd end;

        Stream(Session session, OptionalLong after, Runnable wake) {
            this.session = session;
            this.after = after;
            this.wake = wake;
        }

        void push(StoredEvent... events) {
            ready.addAll(List.of(events));
            wake.run();
        }

        @Override
        public List<StoredEvent> take() {
            List<StoredEvent> out = new ArrayList<>();
            for (StoredEvent e = ready.poll(); e != null; e = ready.poll()) {
                out.add(e);
            }
            return out;
        }

        @Override
        public Optional<StreamEnd> ended() {
            return Optional.ofNullable(end);
        }

        @Override
        public void check() {
            checks.incrementAndGet();
        }

        @Override
        public void end(StreamEnd reason) {
            synchronized (this) {
                if (end != null) {
                    return;
                }
                end = reason;
            }
            wake.run();
        }
    }

    /** Answers a set state, or refuses like the core refuses a session without the events grant. */
    static final class State implements io.ctimw.core.port.in.StateUseCase {
        final List<Session> sessions = new CopyOnWriteArrayList<>();
        volatile Supplier<io.ctimw.core.model.AgentState> next =
                () -> new io.ctimw.core.model.AgentState(0, null, List.of(), true);

        @Override
        public io.ctimw.core.model.AgentState state(Session session) {
            sessions.add(session);
            return next.get();
        }
    }

    static final class Control implements CallControlUseCase {
        final List<ControlRequest> requests = new CopyOnWriteArrayList<>();
        final List<Session> sessions = new CopyOnWriteArrayList<>();
        volatile Supplier<CompletionStage<ControlResult>> next =
                () -> CompletableFuture.completedFuture(new ControlResult.Accepted("Answer"));
        /** The ledger id the next results carry (none: as when the ledger was unreachable), and whether replayed. */
        volatile CommandId id;
        volatile boolean replayed;
        /** What the ledger listing and look-up answer; records the queries. */
        volatile List<CommandRecord> stored = List.of();
        final List<List<Object>> queries = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<CommandReceipt> relay(Session session, ControlRequest request) {
            sessions.add(session);
            requests.add(request);
            return next.get().thenApply(result -> new CommandReceipt(id, result, replayed));
        }

        @Override
        public Optional<CommandRecord> command(Session session, CommandId commandId) {
            queries.add(List.of(session.login().value(), commandId.value()));
            return stored.stream().filter(c -> c.id().equals(commandId) && c.login().equals(session.login()))
                    .findFirst();
        }

        @Override
        public List<CommandRecord> commands(Session session, CommandId before, int limit) {
            queries.add(java.util.Arrays.asList(session.login().value(), before == null ? null : before.value(), limit));
            return stored.stream().limit(limit).toList();
        }

        /** An agent granted events and two commands, as the core would answer. */
        volatile Entitlements entitlements = new Entitlements(Role.AGENT,
                Grants.parse(List.of("events", "control:Answer", "control:ChangeUserState")),
                List.of("Answer", "ChangeUserState"), List.of("away", "normal"));

        @Override
        public Entitlements entitlements(Session session) {
            sessions.add(session);
            return entitlements;
        }
    }

    static final class Ready implements ReadinessUseCase {
        volatile Supplier<Readiness> next = () -> new Readiness(true, true, 0, 3);

        @Override
        public Readiness check() {
            return next.get();
        }
    }

    /** Answers with a set page, or refuses like the core refuses a non-administrator; records what it was asked. */
    static final class Audit implements AuditUseCase {
        final List<List<Object>> calls = new CopyOnWriteArrayList<>();
        volatile AuditPage page = new AuditPage(List.of(), java.util.OptionalLong.empty());
        volatile boolean deny;

        @Override
        public AuditPage read(Session caller, AuditQuery query) {
            calls.add(List.of(caller, query));
            if (deny) {
                throw new AccessDeniedException("role admin");
            }
            return page;
        }
    }

    /**
     * One setting; a change naming "bogus" is refused as the core refuses an unknown setting, and
     * everything is refused like the core refuses a non-administrator while {@code deny} is set.
     */
    static final class Settings implements SettingsUseCase {
        final List<Object> calls = new CopyOnWriteArrayList<>();
        volatile boolean deny;

        @Override
        public List<SettingView> settings(Session caller) {
            calls.add(List.of("settings", caller.login()));
            denyIf(deny);
            return List.of(new SettingView("cti.allowed-states", List.of("away", "normal"), List.of("normal"), true));
        }

        @Override
        public List<SettingView> change(Session caller, Map<String, Object> changes) {
            calls.add(List.of("change", caller.login(), changes));
            denyIf(deny);
            if (changes.containsKey("bogus")) {
                throw new InvalidSettingException("bogus", "no such setting");
            }
            return settings(caller);
        }
    }

    /** Records the logins unblocked; refuses like the core refuses a non-administrator while {@code deny} is set. */
    static final class Throttle implements LoginThrottleUseCase {
        final List<Object> unblocked = new CopyOnWriteArrayList<>();
        volatile boolean deny;

        @Override
        public boolean unblock(Session caller, Login login) {
            denyIf(deny);
            unblocked.add(login);
            return true;
        }
    }

    /**
     * Two users, agent1 and the only administrator "admin"; answers as the core does: not-found, exists,
     * last-admin (disabling or demoting the only administrator), invalid (a grant naming no command of
     * the catalog: {@code control:Bogus}), and refuses like the core refuses a non-administrator while
     * {@code deny} is set. Records what it was asked.
     */
    static final class AdminUsers implements AdminUsersUseCase {
        static final Instant LAST_LOGIN = Instant.parse("2026-11-21T09:12:03.120Z");
        final Map<String, User> users = new ConcurrentHashMap<>(Map.of(
                "agent1", new User(new Login("agent1"), "$2a$10$hash", true, CREATED, Role.AGENT, Grants.ALL, LAST_LOGIN),
                "admin", new User(new Login("admin"), "$2a$10$hash", true, CREATED, Role.ADMIN, Grants.NONE, null)));
        final List<Object> calls = new CopyOnWriteArrayList<>();
        volatile boolean deny;

        @Override
        public UserPage list(Session caller, UserQuery query) {
            calls.add(List.of("list", query));
            denyIf(deny);
            List<UserSummary> selected = users.values().stream().filter(query::selects)
                    .sorted(java.util.Comparator.comparing(User::login)).map(this::summary).toList();
            if (selected.size() <= query.limit()) {
                return new UserPage(selected, null);
            }
            List<UserSummary> page = selected.subList(0, query.limit());
            return new UserPage(page, page.get(page.size() - 1).user().login());
        }

        @Override
        public AdminOutcome<UserSummary> get(Session caller, Login login) {
            calls.add(List.of("get", login));
            denyIf(deny);
            User user = users.get(login.value());
            return user == null ? new AdminOutcome.NotFound<>("no user " + login.value())
                    : new AdminOutcome.Done<>(summary(user));
        }

        @Override
        public AdminOutcome<UserSummary> add(Session caller, NewUser user) {
            calls.add(List.of("add", user.login()));
            denyIf(deny);
            if (users.containsKey(user.login().value())) {
                return new AdminOutcome.Exists<>("user " + user.login().value() + " exists");
            }
            Role role = user.role() == null ? Role.AGENT : user.role();
            List<String> grants = user.grants() == null ? (role == Role.AGENT ? Grants.ALL.names() : List.of())
                    : user.grants();
            if (grants.contains("control:Bogus")) {
                return new AdminOutcome.Invalid<>("grants", "grant control:Bogus names no command of the catalog");
            }
            User added = new User(user.login(), "$2a$10$hash", true, CREATED, role, Grants.parse(grants), null);
            users.put(user.login().value(), added);
            return new AdminOutcome.Done<>(summary(added));
        }

        @Override
        public AdminOutcome<UserSummary> change(Session caller, Login login, UserChange change) {
            calls.add(List.of("change", login, change));
            denyIf(deny);
            User user = users.get(login.value());
            if (user == null) {
                return new AdminOutcome.NotFound<>("no user " + login.value());
            }
            boolean demoted = change.role() == Role.AGENT || Boolean.FALSE.equals(change.enabled());
            if (user.isAdmin() && demoted) {
                return new AdminOutcome.LastAdmin<>(login.value() + " is the last enabled administrator");
            }
            User changed = user.withRole(change.role() == null ? user.role() : change.role())
                    .withEnabled(change.enabled() == null ? user.enabled() : change.enabled())
                    .withGrants(change.grants() == null ? user.grants() : Grants.parse(change.grants()));
            users.put(login.value(), changed);
            return new AdminOutcome.Done<>(summary(changed));
        }

        private UserSummary summary(User user) {
            return new UserSummary(user, user.login().value().equals("agent1") ? 1 : 0);
        }
    }

    /** The live {@link #SESSION} (with a client address); refuses like the core while {@code deny} is set. */
    static final class AdminSessions implements AdminSessionsUseCase {
        static final Session LIVE = new Session(SESSION.tokenHash(), SESSION.login(), CREATED,
                Instant.parse("2026-11-21T09:40:11Z"), EXPIRES, 7, "10.0.4.17");
        final List<Object> ended = new CopyOnWriteArrayList<>();
        volatile boolean deny;

        @Override
        public List<LiveSession> list(Session caller) {
            denyIf(deny);
            return List.of(new LiveSession(LIVE, 3));
        }

        @Override
        public AdminOutcome<Session> end(Session caller, String sessionId) {
            denyIf(deny);
            if (!LIVE.id().equals(sessionId)) {
                return new AdminOutcome.NotFound<>("no live session " + sessionId);
            }
            ended.add(sessionId);
            return new AdminOutcome.Done<>(LIVE);
        }
    }

    private static void denyIf(boolean deny) {
        if (deny) {
            throw new AccessDeniedException("role admin");
        }
    }

    /** Records every logged request and every admin query; refuses the reads unless {@code admin}. */
    static final class RequestLog implements RequestLogUseCase {
        final List<ApiRequest> recorded = new CopyOnWriteArrayList<>();
        final List<Object> queries = new CopyOnWriteArrayList<>();
        volatile boolean admin = true;
        volatile List<LoggedRequest> page = List.of();

        @Override
        public void record(ApiRequest request) {
            recorded.add(request);
        }

        @Override
        public List<LoggedRequest> requests(Session caller, RequestLogQuery query) {
            requireAdmin();
            queries.add(query);
            return page;
        }

        @Override
        public DailyReport dailyStatistics(Session caller, StatsQuery query) {
            requireAdmin();
            queries.add(query);
            List<DailyReport.Group> groups = !query.byLogin() && !query.byMethod() ? List.of()
                    : List.of(new DailyReport.Group(query.byLogin() ? new Login("agent1") : null,
                            query.byMethod() ? "control:Hold" : null, DailyReport.Tally.NONE.plus(403, 1)));
            return new DailyReport(query.from(), query.to(), query.zone(), query.login(), List.of(new DailyReport.Day(
                    query.from(), DailyReport.Tally.NONE.plus(200, 3).plus(403, 1), groups)));
        }

        private void requireAdmin() {
            if (!admin) {
                throw new AccessDeniedException("role admin");
            }
        }
    }
}
