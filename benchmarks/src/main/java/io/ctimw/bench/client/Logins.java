package io.ctimw.bench.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** Logs many agents in through {@code POST /api/v1/login}, a bounded number at a time. */
public final class Logins {
    private static final int IN_FLIGHT = 32;

    private Logins() {
    }

    /** Returns the agents in the order of {@code logins}; fails on the first refused login. */
    public static List<Agent> loginAll(MiddlewareHttp http, List<String> logins, String password)
            throws InterruptedException {
        Semaphore permits = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Agent>> futures = new ArrayList<>(logins.size());
        for (String login : logins) {
            permits.acquire();
            futures.add(http.login(login, password)
                    .thenApply(token -> new Agent(login, token))
                    .whenComplete((a, e) -> permits.release()));
        }
        List<Agent> agents = new ArrayList<>(logins.size());
        for (CompletableFuture<Agent> f : futures) {
            agents.add(f.join());
        }
        return agents;
    }
}
