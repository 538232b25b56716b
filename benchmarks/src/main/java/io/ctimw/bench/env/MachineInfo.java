package io.ctimw.bench.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the report says about the box: cores, memory, JDK, OS and how busy it was. */
public record MachineInfo(int cores, long memoryBytes, String jdk, String os, String cpuModel) {
    public static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), memTotal(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                readCpuModel());
    }

    /** The 1, 5 and 15-minute load averages from /proc/loadavg, or "n/a". */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static long memTotal() {
        return procLineKb(Path.of("/proc/meminfo"), "MemTotal:") * 1024;
    }

    private static String readCpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The kB value of a "Name:   123 kB" line in a /proc file, or -1. */
    public static long procLineKb(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
