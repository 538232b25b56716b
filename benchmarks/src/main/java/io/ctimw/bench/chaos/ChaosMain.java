package io.ctimw.bench.chaos;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;

/** Entry point of the chaos driver ({@code java -cp cti-bench.jar io.ctimw.bench.chaos.ChaosMain}): writes RELIABILITY.md. */
public final class ChaosMain {
    private ChaosMain() {
    }

    public static void main(String[] args) {
        ChaosOptions options = new ChaosOptions();
        JCommander jc = JCommander.newBuilder().programName("cti-chaos").addObject(options).build();
        try {
            jc.parse(args);
        } catch (ParameterException e) {
            System.err.println("cti-chaos: " + e.getMessage());
            System.exit(2);
        }
        if (options.help) {
            jc.usage();
            return;
        }
        int code;
        try {
            code = new ChaosRun(options.middlewareJar(), options.simulatorJar())
                    .runAndReport(ProbeSet.of(options), options.out(), options.label);
        } catch (Exception e) {
            System.err.println("cti-chaos: " + e);
            e.printStackTrace();
            code = 1;
        }
        System.exit(code); // HTTP client and simulator threads must not keep the JVM alive
    }
}
