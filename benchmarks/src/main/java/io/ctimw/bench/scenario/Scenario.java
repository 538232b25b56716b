package io.ctimw.bench.scenario;

import io.ctimw.bench.report.ScenarioResult;

/** One measured scenario of the benchmark. */
public interface Scenario {
    int number();

    String name();

    String target();

    ScenarioResult run(BenchContext ctx) throws Exception;
}
