package io.ctimw.app.middleware.browser;

import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.app.middleware.MiddlewareApp;
import io.ctimw.app.middleware.testing.AgentHttp;
import io.ctimw.app.middleware.testing.MiddlewareHarness;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Password;
import io.ctimw.core.model.Role;
import io.ctimw.simulator.CtiSimulator;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the web pages' tests run against: the real middleware in-process (as in production: embedded
 * PostgreSQL, the WebSocket link to the CTI simulator, HTTP on a random loopback port) and an
 * administrator who adds the users a test needs through the admin API. Every password is {@link #PASSWORD}.
 */
public final class WebFixture implements AutoCloseable {
    public static final String PASSWORD = MiddlewareHarness.PASSWORD;
    public static final String ADMIN = "admin";

    private final TestDatabase db;
    private final String[] operators;
    private final int ctiPort;
    private CtiSimulator cti;
    private MiddlewareHarness mw;
    private AgentHttp admin;

    private WebFixture(TestDatabase db, String[] operators, CtiSimulator cti, MiddlewareHarness mw) {
        this.db = db;
        this.operators = operators;
        this.cti = cti;
        this.ctiPort = cti.port();
        this.mw = mw;
    }

    /** Starts everything; {@code operators} are the softphones the simulator knows (agents added later need one). */
    public static WebFixture start(String... operators) {
        TestDatabase db = TestDatabase.create();
        CtiSimulator cti = CtiSimulator.builder().operators(operators).build().start();
        MiddlewareHarness mw = MiddlewareHarness.start(db, cti);
        WebFixture fixture = new WebFixture(db, operators.clone(), cti, mw);
        mw.app().core().userAdministration().add(new Login(ADMIN), new Password(PASSWORD), Role.ADMIN);
        return fixture;
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash. */
    public String baseUrl() {
        return mw.baseUrl();
    }

    /** The simulator now running (a new one after {@link #restartCti()}). */
    public CtiSimulator cti() {
        return cti;
    }

    /** The CTI goes away (every connection closed, nothing listening): the middleware's link is down until {@link #restartCti()}. */
    public void stopCti() {
        cti.close();
    }

    /** A fresh simulator on the port the stopped one had; the middleware reconnects and re-attaches by itself. */
    public void restartCti() {
        cti = CtiSimulator.builder().port(ctiPort).operators(operators).build().start();
    }

    public MiddlewareApp app() {
        return mw.app();
    }

    /** The administrator's API client (logged in on first use). */
    public AgentHttp admin() throws Exception {
        if (admin == null) {
            admin = mw.agent().login(ADMIN, PASSWORD);
        }
        return admin;
    }

    /** A fresh API client, not logged in. */
    public AgentHttp client() {
        return mw.agent();
    }

    /** Adds an agent with the default grants (every method). */
    public WebFixture addAgent(String login) throws Exception {
        return addUser("{\"login\":\"" + login + "\",\"password\":\"" + PASSWORD + "\"}");
    }

    /** Adds an agent with exactly these grants ({@code events}, {@code control:Answer}, ...). */
    public WebFixture addAgent(String login, String... grants) throws Exception {
        String list = Arrays.stream(grants).map(g -> "\"" + g + "\"").collect(Collectors.joining(",", "[", "]"));
        return addUser("{\"login\":\"" + login + "\",\"password\":\"" + PASSWORD + "\",\"grants\":" + list + "}");
    }

    /** Adds another administrator. */
    public WebFixture addAdmin(String login) throws Exception {
        return addUser("{\"login\":\"" + login + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"admin\"}");
    }

    /** Blocks (or unblocks) a user through the admin API: its sessions end at their next request. */
    public void setEnabled(String login, boolean enabled) throws Exception {
        expect(200, admin().send("PATCH", "/api/v1/admin/users/" + login, "{\"enabled\":" + enabled + "}"));
    }

    /**
     * Stops the middleware and starts it again on the same port, database and simulator, as an operator's
     * restart would: pages left open in a browser go on talking to the same address.
     */
    public void restartMiddleware() {
        int port = mw.app().httpPort();
        mw.close();
        mw = MiddlewareHarness.start(db, cti, Map.of("http.port", port));
        admin = null;
    }

    private WebFixture addUser(String body) throws Exception {
        expect(201, admin().post("/api/v1/admin/users", body));
        return this;
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + ": " + response.body());
        }
    }

    @Override
    public void close() {
        mw.close();
        cti.close();
        db.close();
    }
}
