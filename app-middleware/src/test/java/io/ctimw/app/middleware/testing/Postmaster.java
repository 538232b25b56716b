package io.ctimw.app.middleware.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The embedded PostgreSQL's processes, found through its postmaster.pid, and signals sent to processes. */
public final class Postmaster {
    private Postmaster() {
    }

    public static long pid(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The server and its backends. */
    public static List<Long> processes(Path dataDir) {
        long pid = pid(dataDir);
        List<Long> pids = new ArrayList<>(List.of(pid));
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        return pids;
    }

    /** {@code kill -SIGNAL pids}, e.g. STOP to freeze the database and CONT to thaw it. */
    public static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        if (pids.isEmpty() || pids.stream().anyMatch(p -> p <= 0)) { // kill -STOP -1 would stop every process
            throw new IllegalArgumentException("no such postmaster: " + pids);
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(p -> command.add(Long.toString(p)));
        int code = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (code != 0) {
            throw new IllegalStateException(command + " exited with " + code);
        }
    }
}
