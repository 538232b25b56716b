package io.ctimw.bench;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;

/** Entry point of cti-bench.jar: runs the benchmark scenarios and writes BENCHMARKS.md. */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        BenchOptions options = new BenchOptions();
        JCommander jc = JCommander.newBuilder().programName("cti-bench").addObject(options).build();
        try {
            jc.parse(args);
        } catch (ParameterException e) {
            System.err.println("cti-bench: " + e.getMessage());
            System.exit(2);
        }
        if (options.help()) {
            jc.usage();
            return;
        }
        int code;
        try {
            code = new BenchRun(options).run();
        } catch (Exception e) {
            System.err.println("cti-bench: " + e);
            e.printStackTrace();
            code = 1;
        }
        System.exit(code); // the HTTP client's and simulator's threads must not keep the JVM alive
    }
}
