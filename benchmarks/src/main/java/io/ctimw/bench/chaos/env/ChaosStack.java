package io.ctimw.bench.chaos.env;

import io.ctimw.bench.client.Agent;
import io.ctimw.bench.client.Logins;
import io.ctimw.bench.client.MiddlewareHttp;
import io.ctimw.bench.env.BenchDatabase;
import io.ctimw.simulator.CtiSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.mindrot.jbcrypt.BCrypt;

/**
 * One system under test: a CTI simulator (in the driver, or as its own process when the probe kills it),
 * the middleware jar with its embedded PostgreSQL, users seeded straight into that database, and an HTTP
 * client. Probes that break things get a stack of their own, so one fault never skews the next figure.
 */
public final class ChaosStack implements AutoCloseable {
    /** Seeded agents' password; bcrypt cost 4 so that logging 100 agents in is quick. */
    public static final String PASSWORD = "chaos-password";
    /** The middleware checks 4 passwords at once by default. */
    private static final int LOGIN_BATCH = 4;

    private final CtiSimulator sim;
    private final SimulatorProcess simProcess;
    private final MiddlewareNode middleware;
    private final ExecutorService callbacks = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "chaos-http");
        t.setDaemon(true);
        return t;
    });
    private final MiddlewareHttp http;

    private ChaosStack(CtiSimulator sim, SimulatorProcess simProcess, MiddlewareNode middleware) {
        this.sim = sim;
        this.simProcess = simProcess;
        this.middleware = middleware;
        this.http = new MiddlewareHttp(middleware.port(), callbacks);
    }

    /** The simulator in this JVM: load with exact accounting, the command journal, fault controls. */
    public static ChaosStack inProcess(Path jar, Path dir, List<String> operators, boolean cidNumbers) throws Exception {
        CtiSimulator sim = CtiSimulator.builder().operators(operators).cidAsNumber(cidNumbers).build().start();
        try {
            return new ChaosStack(sim, null, MiddlewareNode.start(jar, dir, sim.url()));
        } catch (Exception | Error e) {
            sim.close();
            throw e;
        }
    }

    /** The simulator jar as a child process, which the probe may kill and restart. */
    public static ChaosStack simulatorProcess(Path jar, Path simJar, Path dir, List<String> operators) throws Exception {
        Files.createDirectories(dir);
        SimulatorProcess sim = SimulatorProcess.start(simJar, dir.resolve("simulator.log"), operators);
        try {
            return new ChaosStack(null, sim, MiddlewareNode.start(jar, dir, sim.url()));
        } catch (Exception | Error e) {
            sim.close();
            throw e;
        }
    }

    /** Inserts the users (one hash of {@code password} at bcrypt {@code cost}) into the running middleware's database. */
    public void seedUsers(List<String> logins, String password, int cost) throws Exception {
        try (Connection c = middleware.postgres().connect()) {
            BenchDatabase.insertUsers(c, logins, BCrypt.hashpw(password, BCrypt.gensalt(cost)));
        }
    }

    /**
     * Seeds the logins with {@link #PASSWORD} and logs each in once, a few at a time and again after a 503
     * (the middleware bounds concurrent password checks; on a busy machine even cost 4 hits that bound).
     */
    public List<Agent> agents(List<String> logins) throws Exception {
        seedUsers(logins, PASSWORD, 4);
        List<Agent> agents = new ArrayList<>();
        for (int from = 0; from < logins.size(); from += LOGIN_BATCH) {
            List<String> batch = logins.subList(from, Math.min(logins.size(), from + LOGIN_BATCH));
            for (int attempt = 1; ; attempt++) {
                try {
                    agents.addAll(Logins.loginAll(http, batch, PASSWORD));
                    break;
                } catch (CompletionException e) {
                    if (attempt == 20 || !String.valueOf(e.getMessage()).contains(" 503 ")) {
                        throw e;
                    }
                    Thread.sleep(250);
                }
            }
        }
        return agents;
    }

    public CtiSimulator sim() {
        if (sim == null) {
            throw new IllegalStateException("this stack's simulator is a separate process");
        }
        return sim;
    }

    public SimulatorProcess simProcess() {
        if (simProcess == null) {
            throw new IllegalStateException("this stack's simulator runs in the driver");
        }
        return simProcess;
    }

    public MiddlewareNode middleware() {
        return middleware;
    }

    public MiddlewareHttp http() {
        return http;
    }

    public int port() {
        return middleware.port();
    }

    @Override
    public void close() {
        try {
            middleware.close();
        } finally {
            if (sim != null) {
                sim.close();
            }
            if (simProcess != null) {
                simProcess.close();
            }
            callbacks.shutdownNow();
        }
    }
}
