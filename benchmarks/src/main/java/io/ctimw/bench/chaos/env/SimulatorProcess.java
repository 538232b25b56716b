package io.ctimw.bench.chaos.env;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CTI simulator jar as its own process, for the one fault an in-process simulator cannot play:
 * the CTI server dying (SIGKILL) and coming back on the same port.
 */
public final class SimulatorProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on ws://[^:]+:(\\d+)/");

    private final Path jar;
    private final Path log;
    private final List<String> operators;
    private final Thread killer = new Thread(this::kill, "kill-simulator");
    private Process process;
    private int port;

    private SimulatorProcess(Path jar, Path log, List<String> operators) {
        this.jar = jar;
        this.log = log;
        this.operators = List.copyOf(operators);
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** Starts on a free port the simulator picks itself; returns once it listens. */
    public static SimulatorProcess start(Path jar, Path log, List<String> operators) throws IOException, InterruptedException {
        SimulatorProcess sim = new SimulatorProcess(jar, log, operators);
        sim.launch(0);
        sim.port = sim.awaitListeningPort();
        return sim;
    }

    public String url() {
        return "ws://127.0.0.1:" + port + "/ws";
    }

    /** SIGKILL: every connection dies with the process, without a close frame. */
    public void kill() {
        if (process != null && process.isAlive()) {
            try {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts again on the same port; returns once a TCP connect to it succeeds. */
    public void restart() throws IOException, InterruptedException {
        launch(port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!reachable()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("the simulator did not come back on port " + port);
            }
            Thread.sleep(5);
        }
    }

    private boolean reachable() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void launch(int onPort) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString(),
                "--port", Integer.toString(onPort), "--operators", String.join(",", operators)));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private int awaitListeningPort() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(log)) {
                Matcher m = LISTENING.matcher(Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the simulator did not start; see " + log);
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
