package io.ctimw.adapters.ctiws;

import java.util.concurrent.atomic.AtomicLong;

/** The live counters behind {@link LinkStats}; bumped from the reader and timer threads. */
final class LinkCounters {
    final AtomicLong events = new AtomicLong();
    final AtomicLong replies = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong lateReplies = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();

    LinkStats snapshot() {
        return new LinkStats(events.get(), replies.get(), malformed.get(), lateReplies.get(), reconnects.get());
    }
}
