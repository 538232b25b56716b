package io.ctimw.bench.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ctimw.bench.report.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChaosReportTest {
    @Test
    void oneNumberedRowPerProbeWithPipesEscaped() {
        List<ProbeResult> results = List.of(
                new ProbeResult("auth matrix", "a|b", "0 leaks", "0 leaks", Outcome.MET, Map.of("leaks", 0L), List.of()),
                ProbeResult.failed("sigterm", "0 lost", new IllegalStateException("boom\nline 2")));
        assertEquals("""
                | # | Probe | What was tried | Figure(s) | Target | Met |
                |---|---|---|---|---|---|
                | 1 | auth matrix | a\\|b | 0 leaks | 0 leaks | yes |
                | 2 | sigterm | - | error: java.lang.IllegalStateException: boom line 2 | 0 lost | **run failed** |
                """, ChaosReport.table(results));
        assertEquals(0, results.get(0).count("leaks"));
        assertEquals(-1, results.get(1).count("leaks"));
    }
}
