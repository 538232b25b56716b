package io.ctimw.core.port.out;

import io.ctimw.core.model.CommandId;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/** Source of fresh command ids; injected so tests can make them predictable. */
@FunctionalInterface
public interface CommandIds {
    CommandId next();

    /**
     * Production ids: 12 hex digits of the clock's millisecond then 8 of a random number that counts up
     * within one millisecond, so one instance's ids sort in the order they were made (as ULIDs do).
     */
    static CommandIds timeOrdered(Clock clock) {
        SecureRandom random = new SecureRandom();
        long[] last = {-1, 0}; // millisecond, counter
        return () -> {
            synchronized (last) {
                long millis = Math.max(clock.millis(), last[0]);
                last[1] = millis == last[0] ? last[1] + 1 : random.nextInt() & 0x7fffffffL;
                last[0] = millis;
                HexFormat hex = HexFormat.of();
                return new CommandId(hex.toHexDigits(millis).substring(4) + hex.toHexDigits((int) last[1]));
            }
        };
    }
}
