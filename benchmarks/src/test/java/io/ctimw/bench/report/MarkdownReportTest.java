package io.ctimw.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.bench.env.MachineInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
    private final ScenarioResult met = new ScenarioResult(4, "Polling ceiling", "events ÷ health", "ratio >= 0.5",
            "0.71 (7,000 vs 9,859 req/s)", Outcome.MET, List.of("| endpoint | requests/s |", "|---|---|"));
    private final ScenarioResult missed = new ScenarioResult(1, "Throughput", "highest rate", "5,000 ev/s",
            "3,000 ev/s | p99 80 ms", Outcome.MISSED, List.of("bounded by CPU"));

    @Test
    void theTableHasOneRowPerScenarioAndEscapesPipes() {
        String table = MarkdownReport.table(List.of(missed, met));
        String[] lines = table.split("\n");
        assertEquals(4, lines.length);
        assertEquals("| # | Scenario | Figure | Target | Measured | Met |", lines[0]);
        assertEquals("| 1 | Throughput | highest rate | 5,000 ev/s | 3,000 ev/s \\| p99 80 ms | **no** |", lines[2]);
        assertEquals("| 4 | Polling ceiling | events ÷ health | ratio >= 0.5 | 0.71 (7,000 vs 9,859 req/s) | yes |", lines[3]);
    }

    @Test
    void theReportNamesTheMachineAndCarriesEachScenariosDetails() {
        RunInfo run = new RunInfo(new MachineInfo(2, 24L << 30, "OpenJDK 17", "Linux", "EPYC"),
                Instant.parse("2026-11-21T06:00:00Z"), Duration.ofSeconds(250), "0.50 0.40 0.30", "3.00 1.00 0.50",
                List.of("-Xmx512m"), "-Xmx2g", "Shared cores.");
        String md = MarkdownReport.render(run, List.of(missed, met));
        assertTrue(md.contains("| Machine | 2 cores (EPYC), 24.0 GiB memory, Linux |"), md);
        assertTrue(md.contains("| JDK | OpenJDK 17 |"), md);
        assertTrue(md.contains("before 0.50 0.40 0.30, after 3.00 1.00 0.50"), md);
        assertTrue(md.contains("`-Xmx512m`"), md);
        assertTrue(md.contains("## 1. Throughput\n\nbounded by CPU\n"), md);
        assertTrue(md.indexOf("## 1. Throughput") < md.indexOf("## 4. Polling ceiling"), md);
    }

    @Test
    void aFailedScenarioSaysWhy() {
        ScenarioResult failed = ScenarioResult.failed(2, "Concurrent agents", "p99 < 100 ms",
                new IllegalStateException("middleware died\nlog"));
        assertEquals(Outcome.FAILED, failed.outcome());
        assertEquals(List.of("The scenario failed: `middleware died log`"), failed.details());
    }
}
