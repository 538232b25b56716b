package io.ctimw.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.simulator.CtiSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacks the built cti-middleware archive and runs it from its bin/ as an operator would: the
 * admin command adds an agent, the server starts against the CTI simulator, the archive's agent
 * logs in, SIGTERM stops the server cleanly. PostgreSQL is the test's own, with fsync off.
 */
class DistributionIT {
    private static final Pattern READY = Pattern.compile("cti-middleware ready: http://127\\.0\\.0\\.1:(\\d+)");
    private static final String PASSWORD = "a-long-enough-password";

    @TempDir
    static Path root;
    private static EmbeddedPostgres postgres;
    private static CtiSimulator cti;
    private static Installed installed;
    private static Path config;

    @BeforeAll
    static void unpackAndStartDependencies() throws Exception {
        Path archive = Path.of(System.getProperty("dist.archive"));
        Process tar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", root.toString()).inheritIO().start();
        assertEquals(0, tar.waitFor(), "tar xzf " + archive);
        installed = new Installed(root.resolve("cti-middleware-" + System.getProperty("dist.version")));
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").start();
        cti = CtiSimulator.builder().port(0).operators("agent1").build().start();
        config = root.resolve("test.conf");
        Files.writeString(config, String.join("\n",
                "http.port = 0",
                "db.url = \"" + postgres.getJdbcUrl("postgres", "postgres") + "\"",
                "db.user = postgres",
                "events.intake.dir = \"" + root.resolve("intake") + "\"",
                "cti.url = \"" + cti.url() + "\"",
                "security.bcrypt-cost = 4", ""));
    }

    @AfterAll
    static void stopDependencies() throws IOException {
        if (cti != null) {
            cti.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theArchiveHasTheInstallLayout() {
        for (String file : new String[] {"bin/cti-middleware", "bin/cti-agent"}) {
            assertTrue(Files.isExecutable(installed.path(file)), file + " is executable");
        }
        for (String file : new String[] {"lib/cti-middleware.jar", "lib/cti-agent.jar", "conf/middleware.conf",
                "conf/logback.xml", "conf/jvm.options", "systemd/cti-middleware.service", "README-install.md"}) {
            assertTrue(Files.isRegularFile(installed.path(file)), file + " is in the archive");
        }
        assertTrue(Files.isDirectory(installed.path("logs")), "logs/ is in the archive");
    }

    @Test
    void theLaunchersRunTheJarsWithTheJavaOfJavaHome() throws Exception {
        Installed.Result version = installed.run(Map.of("PATH", "/usr/bin:/bin"), "", "bin/cti-middleware", "--version");
        assertEquals(0, version.code(), "bin/cti-middleware --version: " + version.err());
        assertTrue(version.out().matches("cti-middleware " + Pattern.quote(System.getProperty("dist.version"))
                + " \\(commit ([0-9a-f]{7,}|unknown)\\)"), version.out());
        Installed.Result agentHelp = installed.run(Map.of("PATH", "/usr/bin:/bin"), "", "bin/cti-agent", "--help");
        assertEquals(0, agentHelp.code(), "bin/cti-agent --help: " + agentHelp.err());
        assertTrue(agentHelp.out().startsWith("Usage: cti-agent"), agentHelp.out());
        Installed.Result noJava = installed.run(Map.of("JAVA_HOME", root.resolve("no-jdk").toString()), "",
                "bin/cti-middleware", "--version");
        assertEquals(1, noJava.code());
        assertTrue(String.join("\n", noJava.err()).contains("has no bin/java"), noJava.err().toString());
    }

    @Test
    void installedServerAddsAnAgentStartsServesTheAgentAndStopsOnSigterm() throws Exception {
        Installed.Result added = installed.run(Map.of(), PASSWORD + "\n",
                "bin/cti-middleware", "users", "add", "--login", "agent1", "--password-stdin", "--config", config.toString());
        assertEquals(0, added.code(), "users add: " + added.err());
        assertTrue(added.out().contains("added agent1"), added.out());

        Process server = installed.start(Map.of(), "bin/cti-middleware", "--config", config.toString());
        Installed.Running log = Installed.Running.drain(server.getErrorStream());
        try {
            Matcher ready = READY.matcher(log.await(l -> READY.matcher(l).find(), Duration.ofSeconds(90)));
            assertTrue(ready.find());
            String base = "http://127.0.0.1:" + ready.group(1);
            awaitReady(base);

            Map<String, String> agentEnv = Map.of("CTI_AGENT_HOME", root.resolve("agent-home").toString());
            Installed.Result login = installed.run(agentEnv, PASSWORD + "\n",
                    "bin/cti-agent", "-a", base, "login", "agent1", "--password-stdin");
            assertEquals(0, login.code(), "cti-agent login: " + login.err());
            Installed.Result whoami = installed.run(agentEnv, "", "bin/cti-agent", "-a", base, "whoami");
            assertTrue(whoami.out().startsWith("agent1 at " + base), whoami.out());
        } finally {
            // SIGTERM, as systemctl stop sends (Process.destroy would also close the streams we read)
            new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server stops within the unit's TimeoutStopSec");
        }
        assertEquals(143, server.exitValue(), "exit status after SIGTERM (the unit's SuccessExitStatus)");
        log.await(l -> l.contains("cti-middleware stopped"), Duration.ofSeconds(5));
        assertTrue(log.lines().stream().noneMatch(l -> l.contains("|-WARN") || l.contains("|-ERROR")),
                "logback configured without complaint: " + log.lines());
        String file = Files.readString(installed.path("logs/cti-middleware.log"));
        assertTrue(file.contains("cti-middleware ready") && file.contains("cti-middleware stopped"),
                "logs/cti-middleware.log has the run: " + file);
    }

    @Test
    void jsonLogsAreOneSettingAway() throws Exception {
        Installed.Result list = installed.run(Map.of("CTIMW_LOG_FORMAT", "json"), "",
                "bin/cti-middleware", "users", "list", "--config", config.toString());
        assertEquals(0, list.code(), "users list: " + list.err());
        assertTrue(list.err().stream().anyMatch(l -> l.contains("ready: schema version")), "logged: " + list.err());
        assertEquals("agent1", list.out().strip().split("\\s+")[0], "stdout is the listing only: " + list.out());
        for (String line : list.err()) {
            assertTrue(line.startsWith("{") && line.endsWith("}") && line.contains("\"level\""), "JSON line: " + line);
        }
    }

    private static void awaitReady(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/ready")).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET /ready stayed " + status);
    }
}
