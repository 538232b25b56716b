package io.ctimw.adapters.http;

import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.LoginResult;
import io.ctimw.core.model.StoredEvent;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the HTTP adapter measures (requests, logins, commands, deliveries) and, when {@link #servedAt}
 * was given a scrape, the body of {@code GET /metrics} on the API's own port. Every label value comes
 * from a closed set (route templates, outcome types, the catalog's command names), never from a client.
 */
public final class HttpMetrics {
    /** Label of requests that matched no route (404, 405): their paths are the client's, so not labels. */
    static final String UNMATCHED = "unmatched";
    /** Label of commands whose name the catalog does not know. */
    static final String OTHER_COMMAND = "other";
    private static final Duration[] LAG_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofMinutes(5)};

    private final boolean enabled;
    private final MeterRegistry registry;
    private final Set<String> commandNames;
    private final Clock clock;
    private final Supplier<String> scrape;
    private final Counter delivered;
    private final Timer lag;

    private HttpMetrics(boolean enabled, MeterRegistry registry, Set<String> commandNames, Clock clock,
                        Supplier<String> scrape) {
        this.enabled = enabled;
        this.registry = Objects.requireNonNull(registry, "registry");
        this.commandNames = Set.copyOf(commandNames);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scrape = scrape;
        this.delivered = Counter.builder("ctimw.events.delivered").description("Events handed to agents")
                .register(registry);
        this.lag = Timer.builder("ctimw.events.delivery.lag")
                .description("From an event's arrival from the CTI to its delivery to the agent")
                .serviceLevelObjectives(LAG_BUCKETS).register(registry);
    }

    /** Measures into {@code registry}; {@code GET /metrics} is not served by the API (see {@link #servedAt}). */
    public static HttpMetrics of(MeterRegistry registry, Set<String> commandNames, Clock clock) {
        return new HttpMetrics(true, registry, commandNames, clock, null);
    }

    /** Measures nothing and serves no {@code /metrics} (metrics turned off). */
    public static HttpMetrics off() {
        return new HttpMetrics(false, new CompositeMeterRegistry(), Set.of(), Clock.systemUTC(), null);
    }

    /** The same meters, with {@code GET /metrics} on the API's port answering {@code scrape}'s text. */
    public HttpMetrics servedAt(Supplier<String> newScrape) {
        return new HttpMetrics(enabled, registry, commandNames, clock, Objects.requireNonNull(newScrape, "scrape"));
    }

    MeterRegistry registry() {
        return registry;
    }

    /** False for {@link #off()}: the API then adds no per-request work at all. */
    boolean enabled() {
        return enabled;
    }

    Optional<Supplier<String>> scrape() {
        return Optional.ofNullable(scrape);
    }

    /** Javalin's request logger: one timer sample per answered request, by route template. */
    void request(Context ctx, Float executionTimeMs) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        String route = matched == null || ctx.statusCode() == 404 || ctx.statusCode() == 405 ? UNMATCHED : matched.path;
        Timer.builder("http.server.requests").description("HTTP requests answered, by route template")
                .tags("method", ctx.method().name(), "route", route, "status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record((long) (executionTimeMs * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    /** A request the edge answered itself, before routing (429, 413, 503 ...). */
    void refused(Problem problem) {
        Counter.builder("ctimw.http.refused").description("Requests refused by the edge before routing")
                .tags("status", Integer.toString(problem.status()), "type", problem.type().replace(ProblemType.TYPE_BASE, ""))
                .register(registry).increment();
    }

    void login(LoginResult result) {
        loginOutcome(result instanceof LoginResult.LoggedIn ? "logged_in"
                : result instanceof LoginResult.Busy ? "busy" : "rejected");
    }

    /** {@code failed}: the login could not be checked (e.g. the database is down). */
    void loginOutcome(String outcome) {
        Counter.builder("ctimw.logins").description("Login attempts checked, by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    void command(String name, ControlResult result, long startedNanos) {
        Timer.builder("ctimw.commands").description("Commands relayed to the CTI, by name and outcome")
                .tags("command", commandNames.contains(name) ? name : OTHER_COMMAND,
                        "outcome", result.getClass().getSimpleName())
                .register(registry).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    void delivered(List<StoredEvent> batch) {
        delivered.increment(batch.size());
        long now = clock.millis();
        for (StoredEvent event : batch) {
            lag.record(Math.max(0, now - event.receivedAt().toEpochMilli()), TimeUnit.MILLISECONDS);
        }
    }
}
