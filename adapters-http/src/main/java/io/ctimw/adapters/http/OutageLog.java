package io.ctimw.adapters.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs 503 answers once per outage instead of once per request: a WARN when a kind of 503 starts, an
 * INFO with the count at each {@link #report()} while it lasts, and an INFO with the total when a report
 * finds none since the last one. While the CTI is down every command is a 503; that is one event.
 */
final class OutageLog {
    private static final Logger LOG = LoggerFactory.getLogger(OutageLog.class);

    /** Counts of one kind of 503 (a problem type) in the current outage. */
    private static final class Outage {
        final AtomicLong sinceReport = new AtomicLong();
        final AtomicLong total = new AtomicLong();
    }

    private final Map<String, Outage> current = new ConcurrentHashMap<>();

    /** One 503 answer; its problem type is the kind of outage, {@code cause} (may be null) is logged at its start. */
    void record(Problem problem, Throwable cause) {
        String kind = problem.type().startsWith(ProblemType.TYPE_BASE)
                ? problem.type().substring(ProblemType.TYPE_BASE.length()) : problem.type();
        boolean[] started = new boolean[1];
        Outage outage = current.computeIfAbsent(kind, k -> {
            started[0] = true;
            return new Outage();
        });
        outage.sinceReport.incrementAndGet();
        outage.total.incrementAndGet();
        if (started[0]) {
            LOG.warn("answering 503 {}: {}{} (further ones are counted, not logged one by one)", kind,
                    problem.detail(), cause == null ? "" : " (" + cause + ")");
        }
    }

    /** 503s of {@code kind} in the current outage; 0 when there is none. */
    long answered(String kind) {
        Outage outage = current.get(kind);
        return outage == null ? 0 : outage.total.get();
    }

    /** Called periodically: a count per kind still going, and an end line for each that stopped. */
    void report() {
        current.forEach((kind, outage) -> {
            long recent = outage.sinceReport.getAndSet(0);
            if (recent > 0) {
                LOG.info("still answering 503 {}: {} since the last report, {} in all", kind, recent, outage.total.get());
            } else if (current.remove(kind, outage)) {
                LOG.info("no more 503 {}: {} answered in all", kind, outage.total.get());
            }
        });
    }
}
