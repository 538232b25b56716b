package io.ctimw.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MiddlewareHttpTest {
    private final ExecutorService callbacks = Executors.newFixedThreadPool(2);
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        callbacks.shutdownNow();
    }

    /**
     * The JDK client completes every {@code sendAsync} on CompletableFuture's default executor, which on a
     * 2-core machine is a new thread per task unless the common pool has 2 or more threads: the driver then
     * started a thread per command answer (500 a second in scenario 3), on the cores it shares with what it measures.
     * The driver JVM gets {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism} (scripts and surefire).
     */
    @Test
    void answersDoNotStartAThreadEach() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/api/v1/control", exchange -> {
            byte[] body = "{\"name\":\"UserState\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        MiddlewareHttp http = new MiddlewareHttp(server.getAddress().getPort(), callbacks);
        http.control("t", "{\"name\":\"GetUserState\"}").join(); // the client's own threads start here

        long startedBefore = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
        int answers = 80;
        for (int i = 0; i < answers; i++) {
            assertEquals(200, http.control("t", "{\"name\":\"GetUserState\"}").join().statusCode());
        }
        long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - startedBefore;

        assertTrue(started < answers / 4, started + " threads started for " + answers + " answers");
    }
}
