package io.ctimw.adapters.http;

import static io.ctimw.adapters.http.TestServer.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ctimw.core.model.ControlResult;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** While the CTI is down every command is a 503: operators get one WARN for the outage, not one per request. */
class OutageLogTest {
    private final TestServer server = new TestServer();
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(OutageLog.class),
            (Logger) LoggerFactory.getLogger(RequestLog.class));

    OutageLogTest() {
        lines.start();
        loggers.forEach(l -> l.addAppender(lines));
    }

    @AfterEach
    void stop() {
        loggers.forEach(l -> l.detachAppender(lines));
        server.close();
    }

    private List<String> logged(Level level) {
        return lines.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private void commandWhileTheCtiIsDown() {
        long before = server.api.outageLog().answered("cti-unavailable");
        assertProblem(server.postJson("/api/v1/control", "{\"name\":\"Answer\",\"cid\":2}"), 503, "cti-unavailable");
        // The request log runs just after the answer is sent: wait until it has counted this one.
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.api.outageLog().answered("cti-unavailable") == before + 1);
    }

    @Test
    void anOutageIsOneWarnThenCountsThenAnEndLine() {
        server.control.next = () -> CompletableFuture.completedFuture(new ControlResult.Unavailable("the CTI link is down"));

        for (int i = 0; i < 5; i++) {
            commandWhileTheCtiIsDown();
        }
        assertEquals(List.of("answering 503 cti-unavailable: the CTI link is down (further ones are counted, not logged one by one)"),
                logged(Level.WARN));

        server.api.outageLog().report();
        assertEquals(List.of("still answering 503 cti-unavailable: 5 since the last report, 5 in all"), logged(Level.INFO));

        commandWhileTheCtiIsDown();
        server.api.outageLog().report();
        server.api.outageLog().report();
        assertEquals(List.of("still answering 503 cti-unavailable: 5 since the last report, 5 in all",
                "still answering 503 cti-unavailable: 1 since the last report, 6 in all",
                "no more 503 cti-unavailable: 6 answered in all"), logged(Level.INFO));

        commandWhileTheCtiIsDown();
        assertEquals(2, logged(Level.WARN).size(), "a new outage is announced again");
    }

    @Test
    void otherServerErrorsAreStillOneLineEach() {
        server.control.next = () -> CompletableFuture.completedFuture(new ControlResult.TimedOut());

        server.postJson("/api/v1/control", "{\"name\":\"Answer\",\"cid\":2}");
        server.postJson("/api/v1/control", "{\"name\":\"Answer\",\"cid\":2}");

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> logged(Level.WARN).size() == 2);
        assertEquals(0, server.api.outageLog().answered("cti-timeout"));
    }
}
