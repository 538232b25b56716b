package io.ctimw.simulator;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** Standalone entry point: {@code java -jar cti-simulator.jar --port 8098 --operators a,b}. */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions options = new SimulatorOptions();
        JCommander commander = JCommander.newBuilder().programName("cti-simulator").addObject(options).build();
        try {
            commander.parse(args);
        } catch (ParameterException e) {
            System.err.println(e.getMessage());
            commander.usage();
            System.exit(2);
        }
        if (options.help) {
            commander.usage();
            return;
        }
        run(options);
    }

    static void run(SimulatorOptions options) throws InterruptedException {
        CtiSimulator simulator = CtiSimulator.builder()
                .host(options.host)
                .port(options.port)
                .operators(options.operators)
                .cidAsNumber(options.cidNumbers)
                .build()
                .start();
        ControlServer control = options.controlPort < 0 ? null
                : ControlServer.start(options.host, options.controlPort, simulator);
        DemoActivity demo = new DemoActivity(simulator, options.operators);
        if (options.callEveryMs > 0) {
            demo.ringEvery(Duration.ofMillis(options.callEveryMs), Duration.ofMillis(options.callLengthMs));
        }
        if (options.loadEps > 0) {
            demo.loadAttached(options.loadEps);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and Ctrl-C run shutdown hooks: close sockets cleanly before the JVM exits.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            if (control != null) {
                control.close();
            }
            simulator.close();
            stopped.countDown();
        }, "cti-sim-shutdown"));
        stopped.await();
    }
}
