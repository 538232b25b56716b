package io.ctimw.app.agent.cli;

import static io.ctimw.app.agent.cli.Arg.CID;
import static io.ctimw.app.agent.cli.Arg.DIGITS;
import static io.ctimw.app.agent.cli.Arg.LOGIN;
import static io.ctimw.app.agent.cli.Arg.NUMBER;
import static io.ctimw.app.agent.cli.Arg.PARAM_NAME;
import static io.ctimw.app.agent.cli.Arg.PARAM_VALUE;
import static io.ctimw.app.agent.cli.Arg.STATE;

import io.ctimw.app.agent.cli.Action.Control;
import io.ctimw.app.agent.cli.Action.Kind;
import io.ctimw.app.agent.cli.Action.Local;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every command of the agent, as data: the CLI parser, the help text and the shell's completion all
 * read this one list, so a command added here appears everywhere.
 */
public final class CommandTable {
    private static final List<CommandDef> COMMANDS = List.of(
            local("login", List.of(LOGIN), "log in and keep the session for this address", LoginArgs::new, Kind.LOGIN),
            local("logout", List.of(), "end the session and forget it", CommandArgs::new, Kind.LOGOUT),
            local("whoami", List.of(), "show the current session", CommandArgs::new, Kind.WHOAMI),
            local("events", List.of(), "print new events (--follow: keep printing)", EventsArgs::new, Kind.EVENTS),
            local("shell", List.of(), "interactive mode: live events above a command prompt", CommandArgs::new, Kind.SHELL),
            control("answer", List.of(CID), "answer a call", "Answer"),
            control("hangup", List.of(CID), "hang up a call", "Hangup"),
            control("hold", List.of(CID), "put a call on hold", "Hold", Map.of("on", true)),
            control("unhold", List.of(CID), "retrieve a call from hold", "Hold", Map.of("on", false)),
            control("mute", List.of(CID), "turn the microphone off for a call", "Mute", Map.of("on", true)),
            control("unmute", List.of(CID), "turn the microphone back on", "Mute", Map.of("on", false)),
            control("close", List.of(CID), "finish after-call work (wrap-up)", "Close"),
            control("call", List.of(NUMBER), "make a call", "MakeCall"),
            control("transfer", List.of(CID, NUMBER), "blind transfer", "Transfer"),
            control("consult-transfer", List.of(CID, NUMBER), "consultation transfer", "ConsultationTransfer"),
            control("conference-transfer", List.of(CID, NUMBER), "conference transfer", "ConferenceTransfer"),
            control("callback-transfer", List.of(CID, NUMBER), "transfer with call-back", "TransferWithCallBack"),
            control("break-transfer", List.of(CID), "cancel a transfer in progress", "BreakTransfer"),
            control("finish-conference", List.of(CID), "finish a conference transfer", "FinishConferenceTransfer"),
            control("dtmf", List.of(CID, DIGITS), "send DTMF digits (0-9 * # !)", "SendDTMFSignal"),
            control("set-active", List.of(CID), "make a call the active one", "SetActive"),
            control("set-param", List.of(CID, PARAM_NAME, PARAM_VALUE), "set a call parameter", "SetCallParam"),
            new CommandDef("state", List.of(STATE), "change the operator state (without STATE: show the snapshot)",
                    StateArgs::new, new Control("ChangeUserState", Map.of())),
            control("calls", List.of(), "list current calls", "GetCalls"),
            control("user-state", List.of(), "show the operator state", "GetUserState"));

    /** {@code state} without STATE: calls, operator state and phone as the middleware knows them (GET /state). */
    public static final CommandDef SNAPSHOT = new CommandDef("state", List.of(),
            "show calls, operator state and phone, and the event cursor they are at (--json: as JSON)", StateArgs::new,
            new Local(Kind.STATE));

    /** Operator states a CTI client may usually set; offered by completion, not enforced (the CTI decides). */
    public static final List<String> COMMON_STATES = List.of("normal", "away", "dnd", "custom1", "custom2", "custom3");

    private CommandTable() {
    }

    public static List<CommandDef> all() {
        return COMMANDS;
    }

    public static Optional<CommandDef> find(String name) {
        return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static CommandDef local(String name, List<Arg> args, String summary,
                                    Supplier<? extends CommandArgs> options, Kind kind) {
        return new CommandDef(name, args, summary, options, new Local(kind));
    }

    private static CommandDef control(String name, List<Arg> args, String summary, String cti) {
        return control(name, args, summary, cti, Map.of());
    }

    private static CommandDef control(String name, List<Arg> args, String summary, String cti, Map<String, Object> fixed) {
        return new CommandDef(name, args, summary, CommandArgs::new, new Control(cti, fixed));
    }
}
