package io.ctimw.adapters.ctiws;

/**
 * A snapshot of the CTI link's counters since it was built, for health checks and metrics.
 *
 * @param events      events delivered to the listener
 * @param replies     replies matched to a pending command (Ok, Error, ParseError or data)
 * @param malformed   inbound frames ignored as unusable (not JSON, no name, no valid login, binary)
 * @param lateReplies replies that matched no pending command, mostly answers that came after the timeout
 * @param reconnects  connection attempts after the first one
 */
public record LinkStats(long events, long replies, long malformed, long lateReplies, long reconnects) {
}
