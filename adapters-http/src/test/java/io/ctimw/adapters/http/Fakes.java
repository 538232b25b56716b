package io.ctimw.adapters.http;

import io.ctimw.core.model.ControlRequest;
import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.EventQuery;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.LoginResult;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Readiness;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.SessionToken;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.port.in.AuthenticationUseCase;
import io.ctimw.core.port.in.CallControlUseCase;
import io.ctimw.core.port.in.EventsUseCase;
import io.ctimw.core.port.in.ReadinessUseCase;
import io.ctimw.core.port.in.RequestLogUseCase;
import io.ctimw.core.model.ApiRequest;
import io.ctimw.core.model.DailyReport;
import io.ctimw.core.model.LoggedRequest;
import io.ctimw.core.model.RequestLogQuery;
import io.ctimw.core.model.StatsQuery;
import io.ctimw.core.port.in.AccessDeniedException;
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

        @Override
        public CompletionStage<List<StoredEvent>> poll(Session session, EventQuery query) {
            sessions.add(session);
            queries.add(query);
            return next.get();
        }
    }

    static final class Control implements CallControlUseCase {
        final List<ControlRequest> requests = new CopyOnWriteArrayList<>();
        final List<Session> sessions = new CopyOnWriteArrayList<>();
        volatile Supplier<CompletionStage<ControlResult>> next =
                () -> CompletableFuture.completedFuture(new ControlResult.Accepted("Answer"));

        @Override
        public CompletionStage<ControlResult> control(Session session, ControlRequest request) {
            sessions.add(session);
            requests.add(request);
            return next.get();
        }
    }

    static final class Ready implements ReadinessUseCase {
        volatile Supplier<Readiness> next = () -> new Readiness(true, true, 0, 3);

        @Override
        public Readiness check() {
            return next.get();
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
            return new DailyReport(query.from(), query.to(), query.zone(), query.login(), List.of(new DailyReport.Day(
                    query.from(), DailyReport.Tally.NONE.plus(200, 3).plus(403, 1), List.of())));
        }

        private void requireAdmin() {
            if (!admin) {
                throw new AccessDeniedException("role admin");
            }
        }
    }
}
