package io.ctimw.dist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The unpacked archive: runs its bin/ launchers as an operator would, with JAVA_HOME set. */
final class Installed {
    private final Path home;

    Installed(Path home) {
        this.home = home;
    }

    Path path(String relative) {
        return home.resolve(relative);
    }

    /** Runs a launcher to its end with {@code stdin}; returns exit code, stdout and stderr. */
    Result run(Map<String, String> env, String stdin, String... command) throws IOException, InterruptedException {
        Process p = start(env, command);
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        Running out = Running.drain(p.getInputStream());
        Running err = Running.drain(p.getErrorStream());
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end; stderr: " + err.lines());
        }
        out.join();
        err.join();
        return new Result(p.exitValue(), String.join("\n", out.lines()), err.lines());
    }

    Process start(Map<String, String> env, String... command) throws IOException {
        List<String> argv = new ArrayList<>(List.of(command));
        argv.set(0, home.resolve(argv.get(0)).toString());
        ProcessBuilder pb = new ProcessBuilder(argv).directory(home.toFile());
        Map<String, String> environment = new HashMap<>(env);
        environment.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(environment);
        return pb.start();
    }

    record Result(int code, String out, List<String> err) {
    }

    /** A stream read line by line on a thread of its own, so a test can wait for a line. */
    static final class Running {
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final Thread reader;

        private Running(java.io.InputStream in) {
            reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("<read failed: " + e + ">");
                }
            }, "drain");
            reader.setDaemon(true);
            reader.start();
        }

        static Running drain(java.io.InputStream in) {
            return new Running(in);
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        void join() throws InterruptedException {
            reader.join(10_000);
        }

        /** Waits for a line matching {@code match}; fails with everything read so far. */
        String await(Predicate<String> match, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (String line : lines) {
                    if (match.test(line)) {
                        return line;
                    }
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no such line within " + timeout + "; got: " + String.join("\n", lines));
        }
    }
}
