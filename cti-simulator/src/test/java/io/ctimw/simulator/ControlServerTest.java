package io.ctimw.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Scripts switch faults on a running simulator through its HTTP control port. */
class ControlServerTest extends SimulatorTestBase {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(ControlServer control, String command) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control.port() + "/control"))
                .POST(HttpRequest.BodyPublishers.ofString(command)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPostedCommandSwitchesTheFaultAndABadOneGetsTheUsage() throws Exception {
        try (ControlServer control = ControlServer.start("127.0.0.1", 0, sim);
             TestClient client = TestClient.ready(sim.url())) {
            assertEquals(200, post(control, "reject-attach on").statusCode());
            client.expectReply(client.command("AttachToUser", "login", "agent1"), "Error");
            assertEquals(200, post(control, "reject-attach off\n").statusCode());
            client.attach("agent1");

            assertEquals(200, post(control, "nul-event agent1").statusCode());
            assertEquals(SimulatorFaults.UNSTORABLE_EVENT_NAME, client.next().path("name").asText());

            assertEquals(200, post(control, "drop").statusCode());
            assertTrue(client.awaitClosed() != 1000);

            HttpResponse<String> bad = post(control, "pings maybe");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("expected on or off"), bad.body());
            assertTrue(bad.body().contains("nul-event LOGIN"), bad.body());
        }
    }

    @Test
    void everyCommandParsesAndNonsenseIsRefused() {
        ControlCommands commands = new ControlCommands(sim);
        for (String line : new String[] {"drop", "pings off", "pings on", "malformed on", "malformed off",
                "duplicate on", "duplicate off", "reorder on", "reorder off", "reject-attach on", "reject-attach off",
                "silence GetCalls on", "silence GetCalls off", "delay 0", "nul-event agent1", "garbage", " PINGS ON "}) {
            commands.run(line);
        }
        for (String line : new String[] {"", "explode", "pings", "silence GetCalls", "delay -1", "delay soon",
                "nul-event"}) {
            assertThrows(IllegalArgumentException.class, () -> commands.run(line), line);
        }
    }
}
