package io.ctimw.app.agent.cli;

import com.beust.jcommander.Parameter;

/** Options of {@code events}. */
public final class EventsArgs extends CommandArgs {
    @Parameter(names = {"-f", "--follow"}, description = "keep waiting for events and print them as they arrive")
    private boolean follow;

    @Parameter(names = "--json", description = "print each event as one raw JSON object per line")
    private boolean json;

    public boolean follow() {
        return follow;
    }

    public boolean json() {
        return json;
    }
}
