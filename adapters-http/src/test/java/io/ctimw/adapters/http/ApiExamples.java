package io.ctimw.adapters.http;

import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Readiness;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.port.out.StoreUnavailableException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Real answers of every route, captured over HTTP from a running {@link HttpApi} over fakes: the
 * successes and as many of the problems as a single client can provoke. A new route needs its examples here.
 */
final class ApiExamples {
    /** One request and its answer; {@code template} is the route it targets, null for a path no route matches. */
    record Exchange(String method, String template, String path, HttpResponse<String> response) {}

    private static final String LOGIN = Routes.API + "/login";
    private static final String CONTROL = Routes.API + "/control";
    private static final String EVENTS = Routes.API + "/events";
    private static final String SESSION = Routes.API + "/session";
    private static final String GOOD_LOGIN = "{\"login\":\"agent1\",\"password\":\"s3cret-pass\"}";

    private final TestServer server;
    private final List<Exchange> recorded = new ArrayList<>();

    ApiExamples(TestServer server) {
        this.server = server;
    }

    List<Exchange> record() {
        sessions();
        events();
        control();
        operations();
        docs();
        webPages();
        admin();
        send(null, server.request("/no/such/path").GET());
        send(null, server.authed(SESSION).DELETE());
        send(Routes.API + "/logout", server.authed(Routes.API + "/logout").POST(HttpRequest.BodyPublishers.noBody()));
        return recorded;
    }

    private void sessions() {
        send(LOGIN, json(server.request(LOGIN), GOOD_LOGIN));
        send(LOGIN, json(server.request(LOGIN), "{\"login\":\"agent1\",\"password\":\"wrong-pass\"}"));
        send(LOGIN, json(server.request(LOGIN), "{\"login\":\"agent1\"}"));
        send(LOGIN, server.request(LOGIN).header("Content-Type", "text/plain").POST(TestServer.json(GOOD_LOGIN)));
        send(LOGIN, json(server.request(LOGIN), "{\"login\":\"" + "a".repeat(5000) + "\"}"));
        server.auth.busy = true;
        send(LOGIN, json(server.request(LOGIN), GOOD_LOGIN));
        server.auth.busy = false;
        server.auth.throttled = java.time.Duration.ofMinutes(15);
        send(LOGIN, json(server.request(LOGIN), GOOD_LOGIN));
        server.auth.throttled = null;
        send(SESSION, server.authed(SESSION).GET());
        send(SESSION, server.request(SESSION).GET());
        server.auth.failure = new StoreUnavailableException("database down", null);
        send(SESSION, server.authed(SESSION).GET());
        server.auth.failure = new IllegalStateException("a bug");
        send(SESSION, server.authed(SESSION).GET());
        server.auth.failure = null;
    }

    private void events() {
        send(EVENTS, server.authed(EVENTS).GET());
        Login agent = new Login("agent1");
        Instant at = Instant.parse("2026-11-21T09:15:30.123Z");
        server.events.next = () -> CompletableFuture.completedFuture(List.of(
                new StoredEvent(41, agent, "NewCall", "{\"name\":\"NewCall\",\"login\":\"agent1\",\"cid\":2}", at),
                new StoredEvent(42, agent, "mw.PhoneAvailable", "{\"name\":\"mw.PhoneAvailable\",\"login\":\"agent1\"}", at)));
        send(EVENTS, server.authed(EVENTS + "?after=40&limit=10").GET());
        send(EVENTS, server.authed(EVENTS + "?wait=61").GET());
    }

    private void control() {
        List<ControlResult> outcomes = List.of(new ControlResult.Accepted("Answer"),
                new ControlResult.DataReply("Calls", "{\"name\":\"Calls\",\"rid\":\"r1\",\"login\":\"agent1\",\"calls\":[]}"),
                new ControlResult.DataReply("Calls", "[1]"),
                new ControlResult.Invalid("unknown command Bogus"), new ControlResult.UnknownCall("9"),
                new ControlResult.CtiRejected("no such call"), new ControlResult.CtiParseError("bad json"),
                new ControlResult.Unavailable("CTI link down"), new ControlResult.TimedOut());
        for (ControlResult outcome : outcomes) {
            server.control.next = () -> CompletableFuture.completedFuture(outcome);
            send(CONTROL, json(server.authed(CONTROL), "{\"name\":\"Answer\",\"cid\":2}"));
        }
        send(CONTROL, json(server.authed(CONTROL), "[]"));
    }

    private void operations() {
        send("/health", server.request("/health").GET());
        send("/ready", server.request("/ready").GET());
        server.readiness.next = () -> new Readiness(false, true, 12, 0, 1, 0, 3);
        send("/ready", server.request("/ready").GET());
        send(Routes.METRICS, server.request(Routes.METRICS).GET());
    }

    private void docs() {
        send(Routes.API + "/openapi.json", server.request(Routes.API + "/openapi.json").GET());
        send("/docs", server.request("/docs").GET());
        for (String asset : List.of("swagger-ui.css", "swagger-ui-bundle.js", "docs.js", "favicon-32x32.png", "nothing.js")) {
            send("/docs/{asset}", server.request("/docs/" + asset).GET());
        }
    }

    private void webPages() {
        for (String page : List.of("/desk", "/console")) {
            send(page, server.request(page).GET());
            send(page, server.request(page + "/").GET());
            send(page + "/{asset}", server.request(page + "/index.html").GET());
            send(page + "/{asset}", server.request(page + "/nothing.js").GET());
        }
        send("/web/common/{asset}", server.request("/web/common/base.css").GET());
        String etag = recorded.get(recorded.size() - 1).response().headers().firstValue("ETag").orElseThrow();
        send("/web/common/{asset}", server.request("/web/common/base.css").header("If-None-Match", etag).GET());
        send("/web/vendor/{asset}", server.request("/web/vendor/uPlot.esm.js").GET());
        send("/web/vendor/{asset}", server.request("/web/vendor/uPlot.min.css").GET());
        send("/web/vendor/{asset}", server.request("/web/vendor/uPlot.js").GET());
    }

    private void admin() {
        new AdminExamples(server, this::send).record();
    }

    private static HttpRequest.Builder json(HttpRequest.Builder request, String body) {
        return request.header("Content-Type", "application/json").POST(TestServer.json(body));
    }

    void send(String template, HttpRequest.Builder request) {
        HttpRequest built = request.build();
        recorded.add(new Exchange(built.method(), template, built.uri().getPath(), server.send(request)));
    }
}
