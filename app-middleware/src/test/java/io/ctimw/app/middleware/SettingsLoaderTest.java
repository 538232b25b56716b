package io.ctimw.app.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsComeFromReferenceConf() {
        MiddlewareSettings s = SettingsLoader.load(null, Map.of());
        assertEquals(8080, s.http().port());
        assertTrue(s.db().embedded());
        assertEquals("ws://127.0.0.1:8098/ws", s.cti().url().toString());
        assertEquals(Duration.ofHours(1), s.sessions().idleTimeout());
        assertEquals(Duration.ofSeconds(3), s.cti().reconnectMax(), "a lost CTI is probed at least every 3 s");
        assertEquals(12, s.bcryptCost());
        assertTrue(s.db().embeddedFsync(), "the embedded database is durable unless a test says otherwise");
    }

    @Test
    void metricsAreServedByTheApiUnlessAPortOrTheSwitchSaysOtherwise() throws Exception {
        MiddlewareSettings.Metrics byDefault = SettingsLoader.load(null, Map.of()).metrics();
        assertTrue(byDefault.enabled());
        assertFalse(byDefault.separate());

        Path file = dir.resolve("metrics.conf");
        Files.writeString(file, "metrics { port = 9464, host = \"0.0.0.0\" }\n");
        assertEquals(new MiddlewareSettings.Metrics(true, true, "0.0.0.0", 9464), SettingsLoader.load(file, Map.of()).metrics());
        MiddlewareSettings.Metrics fromEnv = SettingsLoader.load(null,
                Map.of("CTIMW_METRICS_PORT", "9465", "CTIMW_METRICS_ENABLED", "false")).metrics();
        assertEquals(new MiddlewareSettings.Metrics(false, true, "127.0.0.1", 9465), fromEnv);

        ConfigException bad = assertThrows(ConfigException.class,
                () -> SettingsLoader.load(null, Map.of("CTIMW_METRICS_PORT", "apu")));
        assertTrue(bad.getMessage().contains("metrics.port"), bad.getMessage());
    }

    @Test
    void unknownSettingsAndVariablesAreRefusedWithTheNearestKnownName() throws Exception {
        Path file = dir.resolve("typo.conf");
        Files.writeString(file, "db.pool-size = 4\ndb.embedded.fsnyc = false\nfrobnicate = 1\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SettingsLoader.load(file, Map.of()));
        assertEquals(file + ": 2: unknown setting db.embedded.fsnyc (did you mean db.embedded.fsync?); "
                + file + ": 3: unknown setting frobnicate", e.getMessage());

        ConfigException env = assertThrows(ConfigException.class,
                () -> SettingsLoader.load(null, Map.of("CTIMW_HTTP_PROT", "1", "CTIMW_LOG_LEVEL", "DEBUG", "PATH", "/bin")));
        assertEquals("unknown environment variable CTIMW_HTTP_PROT (did you mean CTIMW_HTTP_PORT?)", env.getMessage());
    }

    @Test
    void theIntakeLogIsOnAndLivesNextToTheEmbeddedDataUnlessToldOtherwise() {
        MiddlewareSettings defaults = SettingsLoader.load(null, Map.of());
        assertTrue(defaults.events().intake().enabled(), "a crash must not lose received events by default");
        assertEquals(Path.of("data", "intake"), defaults.events().intake().dir());
        assertEquals(Path.of("/srv/cti/intake"), SettingsLoader.load(null,
                Map.of("CTIMW_DB_EMBEDDED_DIR", "/srv/cti/pg")).events().intake().dir());
        assertEquals(Path.of("/var/lib/intake"), SettingsLoader.load(null,
                Map.of("CTIMW_EVENTS_INTAKE_DIR", "/var/lib/intake")).events().intake().dir());
    }

    @Test
    void theVariablesOfLogbackAndTheLauncherAreKnown() {
        // The systemd unit and the launcher set these; a start must not refuse them.
        SettingsLoader.load(null, Map.of("CTIMW_LOG_LEVEL", "DEBUG", "CTIMW_LOG_FORMAT", "json",
                "CTIMW_LOG_DIR", "/var/log/cti", "CTIMW_CONF_DIR", "/etc/cti"));
    }

    @Test
    void theFileOverridesDefaultsAndTheEnvironmentOverridesTheFile() throws Exception {
        Path file = dir.resolve("a.conf");
        Files.writeString(file, "http.port = 9000\ncti.url = \"ws://cti.example:8098/api\"\ncti.allowed-states = [normal]\n");
        MiddlewareSettings fromFile = SettingsLoader.load(file, Map.of());
        assertEquals(9000, fromFile.http().port());
        assertEquals("ws://cti.example:8098/api", fromFile.cti().url().toString());
        assertEquals(java.util.Set.of("normal"), fromFile.cti().allowedStates());
        MiddlewareSettings fromEnv = SettingsLoader.load(file, Map.of("CTIMW_HTTP_PORT", "9100",
                "CTIMW_DB_URL", "jdbc:postgresql://db:5432/cti"));
        assertEquals(9100, fromEnv.http().port());
        assertEquals("jdbc:postgresql://db:5432/cti", fromEnv.db().url());
    }

    @Test
    void badValuesAreRejectedWithTheirPath() throws Exception {
        for (String bad : new String[] {"cti.url = \"http://x\"", "db.url = \"mysql://x\"", "sessions.idle-timeout = 24h",
                "security.bcrypt-cost = 3", "http.port = -1", "events.batch-size = 0", "cti.reply-timeout = 0s",
                "http.body-timeout = 0s", "http.min-body-rate = 0", "http.max-pending-bodies-per-address = 0",
                "http.max-requests-per-address = 0", "http.max-logins-per-address = 0",
                "cti.ping-interval = 1s"}) {
            Path file = dir.resolve("bad.conf");
            Files.writeString(file, bad + "\n");
            ConfigException e = assertThrows(ConfigException.class, () -> SettingsLoader.load(file, Map.of()), bad);
            String path = bad.substring(0, bad.indexOf(' '));
            assertTrue(e.getMessage().contains(path.substring(0, path.indexOf('.'))), e.getMessage());
        }
    }
}
