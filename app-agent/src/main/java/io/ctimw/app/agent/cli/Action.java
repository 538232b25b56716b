package io.ctimw.app.agent.cli;

import java.util.Map;

/** What running a command means: a control command relayed to the CTI, or something the agent does itself. */
public sealed interface Action {

    /** POST /control with {@code ctiName}, the positional fields, and {@code fixed} fields (e.g. Hold's on=true). */
    record Control(String ctiName, Map<String, Object> fixed) implements Action {
        public Control {
            fixed = Map.copyOf(fixed);
        }
    }

    /** A command the agent implements without /control. */
    record Local(Kind kind) implements Action {
    }

    /** The agent's own commands. */
    enum Kind { LOGIN, LOGOUT, WHOAMI, EVENTS, SHELL, STATE }
}
