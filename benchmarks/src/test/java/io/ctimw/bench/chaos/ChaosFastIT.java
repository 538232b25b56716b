package io.ctimw.bench.chaos;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ctimw.bench.chaos.probe.AuthMatrixProbe;
import io.ctimw.bench.chaos.probe.FaultUnderLoadProbe;
import io.ctimw.bench.chaos.probe.MalformedRequestsProbe;
import io.ctimw.bench.chaos.probe.MiddlewareSigterm;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fast part of scripts/chaos.sh, run by {@code ./mvnw verify} against the jars the build just made:
 * the auth matrix, a few thousand malformed requests and a SIGTERM under light load, each with the same
 * accounting as the full run. Timing targets stay in the script; these are the zero-tolerance ones.
 */
class ChaosFastIT {
    private static ProbeResult auth;
    private static ProbeResult malformed;
    private static ProbeResult sigterm;

    @BeforeAll
    static void runProbes() {
        List<ProbeResult> results = new ChaosRun(jar("chaos.middlewareJar"), jar("chaos.simulatorJar")).run(List.of(
                new AuthMatrixProbe(),
                new MalformedRequestsProbe(2_000, 20261129L),
                FaultUnderLoadProbe.onSharedStack(new MiddlewareSigterm(), 10, 200, 2_000, 2_000)));
        auth = results.get(0);
        malformed = results.get(1);
        sigterm = results.get(2);
    }

    @Test
    void noAgentReachesAnotherAgentsEventsOrPhone() {
        assertEquals(200, auth.count("sanity"), () -> "the attacker's own command must work, or the matrix proves nothing: " + auth);
        assertEquals(0, auth.count("leaks"), () -> "leaks: " + auth.details());
        assertEquals(0, auth.count("status500"), () -> auth.details().toString());
    }

    @Test
    void malformedRequestsNeverGetStatus500() {
        assertEquals(2_000, malformed.count("requests"), () -> malformed.details().toString());
        assertEquals(0, malformed.count("status500"), () -> malformed.details().toString());
    }

    @Test
    void aCursorResumingClientLosesNothingAcrossSigterm() {
        assertAll(sigterm.details().toString(),
                () -> assertEquals(0, sigterm.count("status500"), "long-polls answered 500 during the stop"),
                () -> assertEquals(0, sigterm.count("lost"), "lost events"),
                () -> assertEquals(0, sigterm.count("duplicated"), "duplicated events"));
    }

    private static Path jar(String property) {
        String path = System.getProperty(property);
        if (path == null) {
            throw new IllegalStateException("-D" + property + " is not set (failsafe sets it in benchmarks/pom.xml)");
        }
        return Path.of(path);
    }
}
