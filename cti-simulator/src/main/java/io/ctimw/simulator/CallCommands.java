package io.ctimw.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Handlers for the commands that act on one call (answer, hold, hang up, dial, DTMF, params). */
final class CallCommands {
    private static final Pattern DTMF = Pattern.compile("[0-9*#!]+");

    private CallCommands() {
    }

    static void register(Map<String, CommandHandler> table) {
        table.put("Answer", CallCommands::answer);
        table.put("Hangup", CallCommands::hangup);
        table.put("Hold", ctx -> toggle(ctx, true));
        table.put("Mute", ctx -> toggle(ctx, false));
        table.put("Close", CallCommands::close);
        table.put("MakeCall", CallCommands::makeCall);
        table.put("SendDTMFSignal", CallCommands::sendDtmf);
        table.put("SetActive", CallCommands::setActive);
        table.put("SetCallParam", CallCommands::setCallParam);
    }

    private static void answer(CommandContext ctx) throws Rejected {
        Softphone phone = ctx.onlinePhone();
        SimCall call = ctx.call(phone);
        if (!call.isRingingIn()) {
            throw new Rejected("call " + call.cid + " is not ringing");
        }
        ctx.ok();
        call.connect(ctx.model.nowSeconds());
        ctx.emit(phone, call.event("CallStatus", phone.login));
        ctx.emit(phone, phone.userState(ctx.model.nowSeconds()));
    }

    private static void hangup(CommandContext ctx) throws Rejected {
        Softphone phone = ctx.onlinePhone();
        SimCall call = ctx.call(phone);
        ctx.ok();
        call.end(ctx.model.nowSeconds());
        ctx.emit(phone, call.event("CallStatus", phone.login));
        forget(ctx, phone, call);
    }

    private static void toggle(CommandContext ctx, boolean hold) throws Rejected {
        Softphone phone = ctx.onlinePhone();
        SimCall call = ctx.connectedCall(phone);
        boolean on = ctx.bool("on");
        ctx.ok();
        if (hold) {
            call.hold = on;
        } else {
            call.muted = on;
        }
        ctx.emit(phone, call.event("CallStatus", phone.login));
    }

    private static void close(CommandContext ctx) throws Rejected {
        Softphone phone = ctx.onlinePhone();
        SimCall call = ctx.call(phone);
        ctx.ok();
        forget(ctx, phone, call);
    }

    private static void makeCall(CommandContext ctx) throws Rejected {
        Softphone phone = ctx.onlinePhone();
        String number = ctx.nonEmptyText("phoneNumber");
        ctx.ok();
        Model model = ctx.model;
        SimCall call = new SimCall(model.cids().next(), "out", UUID.randomUUID().toString(), phone.login, number,
                number, model.nowSeconds());
        phone.calls.put(call.cid, call);
        ctx.emit(phone, call.event("NewCall", phone.login));
        // The far end "answers" later, unless the call was hung up or closed meanwhile.
        model.later(model.settings().makeCallConnectDelay(), () -> {
            if (phone.calls.get(call.cid) == call && "new".equals(call.state)) {
                call.connect(model.nowSeconds());
                model.board().emit(phone, call.event("CallStatus", phone.login));
            }
        });
    }

    private static void sendDtmf(CommandContext ctx) throws Rejected {
        Softphone phone = ctx.onlinePhone();
        ctx.connectedCall(phone);
        String digits = ctx.text("DTMFString");
        if (!DTMF.matcher(digits).matches()) {
            throw new Rejected("DTMFString may hold only 0-9, *, # and !");
        }
        ctx.ok();
    }

    private static void setActive(CommandContext ctx) throws Rejected {
        Softphone phone = ctx.onlinePhone();
        SimCall call = ctx.call(phone);
        ctx.ok();
        ObjectNode event = Json.event("CurrentCall", phone.login);
        CidFactory.put(event, call.cid);
        ctx.emit(phone, event);
    }

    /** The one command whose event precedes its Ok, as the guide describes. */
    private static void setCallParam(CommandContext ctx) throws Rejected {
        Softphone phone = ctx.attachedPhone();
        SimCall call = ctx.call(phone);
        String name = ctx.nonEmptyText("paramName");
        JsonNode value = ctx.command.get("paramValue");
        if (value == null || !value.isValueNode() || value.isNull()) {
            throw new Rejected("paramValue must be a string, number or boolean");
        }
        if (call.setParam(name, value)) {
            ObjectNode event = Json.event("CallParamsUpdated", phone.login);
            CidFactory.put(event, call.cid);
            event.putObject("params").set(name, value);
            ctx.emit(phone, event);
        }
        ctx.ok();
    }

    static void forget(CommandContext ctx, Softphone phone, SimCall call) {
        phone.calls.remove(call.cid);
        ObjectNode onClose = Json.event("OnClose", phone.login);
        CidFactory.put(onClose, call.cid);
        ctx.emit(phone, onClose);
    }
}
