package io.ctimw.adapters.ctiws;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes command rids: a random prefix per link instance plus a counter, so rids never repeat across
 * reconnects or restarts, and the link can tell its own (possibly timed-out) rids from foreign ones.
 */
final class RidGenerator {
    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    RidGenerator() {
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        this.prefix = HexFormat.of().formatHex(random) + "-";
    }

    String next() {
        return prefix + counter.incrementAndGet();
    }

    /** True for a rid this instance handed out (answered, timed out or not). */
    boolean owns(String rid) {
        return rid.startsWith(prefix);
    }
}
