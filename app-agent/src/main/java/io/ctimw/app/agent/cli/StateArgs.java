package io.ctimw.app.agent.cli;

import com.beust.jcommander.Parameter;

/** Options of {@code state}: with STATE it changes the operator state, without it shows the snapshot. */
public final class StateArgs extends CommandArgs {
    @Parameter(names = {"-r", "--reason"}, description = "reason sent with the state (e.g. Dinner)")
    private String reason;

    /** Hidden: it belongs to the snapshot ({@link CommandTable#SNAPSHOT}), whose help line names it. */
    @Parameter(names = "--json", hidden = true, description = "without STATE: print the snapshot as the middleware's JSON")
    private boolean json;

    public String reason() {
        return reason;
    }

    public boolean json() {
        return json;
    }
}
