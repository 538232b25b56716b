package io.ctimw.app.agent.cli;

import com.beust.jcommander.Parameter;

/** Options of {@code state}. */
public final class StateArgs extends CommandArgs {
    @Parameter(names = {"-r", "--reason"}, description = "reason sent with the state (e.g. Dinner)")
    private String reason;

    public String reason() {
        return reason;
    }
}
