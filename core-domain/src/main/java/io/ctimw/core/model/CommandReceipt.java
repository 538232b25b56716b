package io.ctimw.core.model;

import java.util.Objects;

/**
 * The answer to a command: its result, the ledger id it was stored under (null when it was refused before
 * sending, or sent while the ledger was unreachable), and whether it is a replay of an earlier attempt.
 */
public record CommandReceipt(CommandId id, ControlResult result, boolean replayed) {
    public CommandReceipt {
        Objects.requireNonNull(result, "result");
    }

    public static CommandReceipt unrecorded(ControlResult result) {
        return new CommandReceipt(null, result, false);
    }
}
