package io.ctimw.bench.chaos.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The middleware's embedded PostgreSQL seen from outside, through its data folder's
 * {@code postmaster.pid} (line 1 the pid, line 4 the port): the driver seeds users through it, and
 * kills or freezes exactly this server, never another PostgreSQL of the machine.
 */
public final class EmbeddedPostgres {
    private final Path dataDir;

    EmbeddedPostgres(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The live postmaster's pid, if the server runs. */
    public Optional<Long> postmasterPid() {
        return pidFileLine(0).map(Long::parseLong).filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    public Optional<Integer> port() {
        return postmasterPid().flatMap(pid -> pidFileLine(3)).map(Integer::parseInt);
    }

    /** The postmaster and every backend and helper process it forked. */
    public List<Long> allPids() {
        List<Long> pids = new ArrayList<>();
        postmasterPid().flatMap(ProcessHandle::of).ifPresent(pm -> {
            pids.add(pm.pid());
            pm.descendants().forEach(d -> pids.add(d.pid()));
        });
        return pids;
    }

    public Connection connect() throws SQLException {
        int port = port().orElseThrow(() -> new IllegalStateException("no embedded PostgreSQL runs in " + dataDir));
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "postgres");
    }

    /** SIGKILL of the postmaster alone, as a crash or the OOM killer would do it. */
    public long kill9() {
        long pid = postmasterPid().orElseThrow(() -> new IllegalStateException("no postmaster to kill"));
        Signals.send("KILL", List.of(pid));
        return pid;
    }

    /** SIGSTOP (frozen) or SIGCONT (thawed) to every process of the server. */
    public void freeze(boolean frozen) {
        Signals.send(frozen ? "STOP" : "CONT", allPids());
    }

    /** Fast shutdown (SIGINT) of a server the middleware left behind; waits up to 10 s. */
    public void stop() {
        List<Long> pids = allPids();
        if (pids.isEmpty()) {
            return;
        }
        Signals.send("CONT", pids);
        Signals.send("INT", List.of(pids.get(0)));
        ProcessHandle.of(pids.get(0)).ifPresent(h -> {
            try {
                h.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                Signals.send("KILL", pids);
            }
        });
    }

    private Optional<String> pidFileLine(int index) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.size() > index ? Optional.of(lines.get(index).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
