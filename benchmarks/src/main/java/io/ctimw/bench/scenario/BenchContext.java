package io.ctimw.bench.scenario;

import io.ctimw.bench.BenchOptions;
import io.ctimw.bench.client.Agent;
import io.ctimw.bench.client.MiddlewareHttp;
import io.ctimw.bench.client.AgentFleet;
import io.ctimw.bench.env.BenchDatabase;
import io.ctimw.bench.env.CpuMeter;
import io.ctimw.bench.env.MiddlewareProcess;
import io.ctimw.simulator.CtiSimulator;
import java.util.ArrayList;
import java.util.List;

/**
 * What the scenarios share: the database, the simulator, the middleware process, the HTTP client,
 * the logged-in agents and the long-poll fleet. Scenarios run in a fixed order and build on each other
 * (1,000 agents logged in first, 10,000 for scenario 2).
 */
public final class BenchContext {
    public static final String PASSWORD = "bench-password";
    /** The simulator login the raw WebSocket client attaches to in scenario 3. */
    public static final String RAW_WS_LOGIN = "bench-ws";

    private final BenchOptions options;
    private final BenchDatabase db;
    private final CtiSimulator sim;
    private final MiddlewareProcess middleware;
    private final MiddlewareHttp http;
    private final AgentFleet fleet;
    private final List<String> logins;
    private final List<Agent> agents = new ArrayList<>();

    public BenchContext(BenchOptions options, BenchDatabase db, CtiSimulator sim, MiddlewareProcess middleware,
                        MiddlewareHttp http, AgentFleet fleet, List<String> logins) {
        this.options = options;
        this.db = db;
        this.sim = sim;
        this.middleware = middleware;
        this.http = http;
        this.fleet = fleet;
        this.logins = List.copyOf(logins);
    }

    /** agent00001 ... agentNNNNN */
    public static List<String> logins(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add(String.format("agent%05d", i));
        }
        return out;
    }

    public BenchOptions options() {
        return options;
    }

    public BenchDatabase db() {
        return db;
    }

    public CtiSimulator sim() {
        return sim;
    }

    public MiddlewareProcess middleware() {
        return middleware;
    }

    public MiddlewareHttp http() {
        return http;
    }

    /** A fresh CPU meter over the middleware, the driver and PostgreSQL. */
    public CpuMeter cpuMeter() {
        return new CpuMeter(middleware.pid());
    }

    public AgentFleet fleet() {
        return fleet;
    }

    /** Every seeded login, logged in or not. */
    public List<String> allLogins() {
        return logins;
    }

    /** The agents logged in so far, in login order. */
    public List<Agent> agents() {
        return agents;
    }

    public void addAgents(List<Agent> more) {
        agents.addAll(more);
    }

    public static List<String> loginsOf(List<Agent> agents) {
        return agents.stream().map(Agent::login).toList();
    }
}
