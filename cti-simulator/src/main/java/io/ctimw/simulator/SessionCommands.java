package io.ctimw.simulator;

import java.util.Map;

/** Handlers for the session and operator-state commands: version, attach/detach, user state. */
final class SessionCommands {
    static final String PROTOCOL_VERSION = "13";

    private SessionCommands() {
    }

    static void register(Map<String, CommandHandler> table) {
        table.put("SetProtocolVersion", SessionCommands::setProtocolVersion);
        table.put("AttachToUser", SessionCommands::attach);
        table.put("DetachFromUser", SessionCommands::detach);
        table.put("GetUserState", ctx -> ctx.reply(ctx.attachedPhone().userState(ctx.model.nowSeconds())));
        table.put("GetCalls", ctx -> ctx.reply(ctx.attachedPhone().callsMessage()));
        table.put("ChangeUserState", SessionCommands::changeUserState);
        table.put("Logout", SessionCommands::logout);
        table.put("Exit", SessionCommands::logout);
    }

    private static void setProtocolVersion(CommandContext ctx) throws Rejected {
        String version = ctx.text("protocolVersion");
        if (!PROTOCOL_VERSION.equals(version)) {
            throw new Rejected("unsupported protocol version " + version);
        }
        ctx.connection.versionSet = true;
        ctx.ok();
    }

    private static void attach(CommandContext ctx) throws Rejected {
        String login = ctx.text("login");
        Softphone phone = ctx.model.board().phone(login);
        if (phone == null) {
            throw new Rejected("unknown login " + login);
        }
        if (ctx.model.faults().rejectsAttach(login)) {
            throw new Rejected("no licence");
        }
        ctx.model.board().attach(ctx.connection, phone);
        ctx.ok();
        ctx.emitHere(phone.userState(ctx.model.nowSeconds()));
        // Calls and Conferences come only when the softphone is registered (not offline).
        if (!phone.isOffline()) {
            ctx.emitHere(phone.callsMessage());
            ctx.emitHere(phone.conferencesMessage());
        }
    }

    private static void detach(CommandContext ctx) throws Rejected {
        Softphone phone = ctx.attachedPhone();
        ctx.model.board().detach(ctx.connection, phone.login);
        ctx.ok();
    }

    private static void changeUserState(CommandContext ctx) throws Rejected {
        Softphone phone = ctx.onlinePhone();
        String state = ctx.text("state");
        String reason = ctx.optionalText("reason");
        if (!ctx.model.settings().allowedStates().contains(state)) {
            throw new Rejected("state " + state + " cannot be set by a CTI client");
        }
        ctx.ok();
        phone.state = state;
        phone.reason = reason;
        ctx.emit(phone, phone.userState(ctx.model.nowSeconds()));
    }

    /** Logout and Exit end the softphone session; its calls go with it. */
    private static void logout(CommandContext ctx) throws Rejected {
        Softphone phone = ctx.onlinePhone();
        ctx.ok();
        phone.state = Softphone.OFFLINE;
        phone.reason = null;
        phone.calls.clear();
        ctx.emit(phone, phone.userState(ctx.model.nowSeconds()));
    }
}
