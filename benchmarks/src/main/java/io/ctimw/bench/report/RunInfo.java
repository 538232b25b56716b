package io.ctimw.bench.report;

import io.ctimw.bench.env.MachineInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The circumstances of one benchmark run, printed above the results. */
public record RunInfo(MachineInfo machine, Instant startedAt, Duration took, String loadBefore, String loadAfter,
                      List<String> middlewareFlags, String driverFlags, String notes) {
}
