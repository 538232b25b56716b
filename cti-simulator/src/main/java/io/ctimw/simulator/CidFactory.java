package io.ctimw.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Makes and reads call ids in the one JSON type (string or number) the server was configured with. */
final class CidFactory {
    private final boolean numeric;
    private final AtomicLong sequence = new AtomicLong(1000);

    CidFactory(boolean numeric) {
        this.numeric = numeric;
    }

    /** A new unique cid: a Long when numeric, else a String such as "c3eb1f09a2". */
    Object next() {
        long n = sequence.incrementAndGet();
        if (numeric) {
            return n;
        }
        // The random tail keeps ids from two simulator runs apart, like the real 64-char ids would be.
        return "c" + Long.toHexString(n) + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    }

    /** Reads a cid field strictly: the wrong JSON type is an error, to catch clients that convert ids. */
    Object read(JsonNode node) throws Rejected {
        if (node == null || node.isNull()) {
            throw new Rejected("missing field cid");
        }
        if (numeric) {
            if (!node.isIntegralNumber()) {
                throw new Rejected("cid must be a JSON number");
            }
            return node.longValue();
        }
        if (!node.isTextual()) {
            throw new Rejected("cid must be a JSON string");
        }
        return node.textValue();
    }

    static void put(ObjectNode node, Object cid) {
        if (cid instanceof Long number) {
            node.put("cid", number);
        } else {
            node.put("cid", (String) cid);
        }
    }
}
