package io.ctimw.bench.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The heap figures of {@code jcmd PID GC.heap_info} (G1: "garbage-first heap total 262144K, used 123456K"). */
record HeapInfo(long committedBytes, long usedBytes) {
    private static final Pattern TOTAL_USED = Pattern.compile("heap\\s+total\\s+(\\d+)K,\\s+used\\s+(\\d+)K");

    static HeapInfo parse(String jcmdOutput) {
        Matcher m = TOTAL_USED.matcher(jcmdOutput);
        if (!m.find()) {
            return new HeapInfo(-1, -1);
        }
        return new HeapInfo(Long.parseLong(m.group(1)) * 1024, Long.parseLong(m.group(2)) * 1024);
    }
}
