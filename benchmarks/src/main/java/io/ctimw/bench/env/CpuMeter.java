package io.ctimw.bench.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Who used the CPU during a window: the middleware, the driver (simulator + agents), PostgreSQL (all
 * its processes) and the whole machine, from /proc jiffies. Tells which side bounds a missed target.
 */
public final class CpuMeter {
    private static final double HZ = 100.0; // USER_HZ on Linux

    private final long middlewarePid;
    private Map<String, Long> start;
    private long startNanos;

    public CpuMeter(long middlewarePid) {
        this.middlewarePid = middlewarePid;
    }

    public void start() {
        start = sample();
        startNanos = System.nanoTime();
    }

    /** CPU used since {@link #start()}, in cores (1.0 = one core busy), per part. */
    public Map<String, Double> stop() {
        Map<String, Long> end = sample();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        // max(0): a PostgreSQL backend that exits takes its CPU time with it.
        end.forEach((k, v) -> cores.put(k, Math.max(0, v - start.getOrDefault(k, 0L)) / HZ / seconds));
        return cores;
    }

    /** "middleware 1.10, driver 0.52, postgres 0.31, machine 1.97 cores (of 2)" */
    public static String describe(Map<String, Double> cores) {
        StringBuilder out = new StringBuilder();
        cores.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.2f", v)));
        return out.append(" cores (of ").append(Runtime.getRuntime().availableProcessors()).append(')').toString();
    }

    private Map<String, Long> sample() {
        Map<String, Long> jiffies = new LinkedHashMap<>();
        jiffies.put("middleware", processJiffies(middlewarePid));
        jiffies.put("(its JIT)", compilerJiffies(middlewarePid));
        jiffies.put("driver+simulator", processJiffies(ProcessHandle.current().pid()));
        jiffies.put("postgres", postgresJiffies());
        jiffies.put("machine", machineBusyJiffies());
        return jiffies;
    }

    /** utime + stime of a process (fields 14 and 15 of /proc/PID/stat), or 0. */
    static long processJiffies(long pid) {
        try {
            return parseStat(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU of the JVM's JIT compiler threads: high while the code is still warming up. */
    static long compilerJiffies(long pid) {
        long total = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    if (Files.readString(t.resolve("comm")).contains("CompilerThre")) {
                        total += parseStat(Files.readString(t.resolve("stat")));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    static long parseStat(String stat) {
        // The command name (field 2) may hold spaces; fields after its closing parenthesis are plain.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long postgresJiffies() {
        long total = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (Files.readString(p.resolve("comm")).trim().equals("postgres")) {
                        total += parseStat(Files.readString(p.resolve("stat")));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    /** Busy jiffies of all CPUs (everything but idle and iowait) from the first line of /proc/stat. */
    private static long machineBusyJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5 && i < 9) { // skip idle, iowait; guest time is already in user
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
