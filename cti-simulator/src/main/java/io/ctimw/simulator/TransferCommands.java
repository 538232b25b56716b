package io.ctimw.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Handlers for the transfer family; a configurable "unreachable" number makes transfers fail. */
final class TransferCommands {
    /** TransferFailed status 10 = DestinationNotFound. */
    static final String DESTINATION_NOT_FOUND = "10";

    private TransferCommands() {
    }

    static void register(Map<String, CommandHandler> table) {
        table.put("Transfer", ctx -> transfer(ctx, false));
        table.put("ConsultationTransfer", ctx -> transfer(ctx, false));
        table.put("ConferenceTransfer", ctx -> transfer(ctx, false));
        table.put("TransferWithCallBack", ctx -> transfer(ctx, true));
        table.put("BreakTransfer", TransferCommands::breakTransfer);
        table.put("FinishConferenceTransfer", TransferCommands::finishConference);
    }

    private static void transfer(CommandContext ctx, boolean callBack) throws Rejected {
        Softphone phone = ctx.onlinePhone();
        SimCall call = ctx.call(phone);
        String number = ctx.nonEmptyText("phoneNumber");
        ctx.ok();
        ObjectNode onTransfer = callEvent("OnTransferCall", phone, call);
        onTransfer.put("wasConnected", call.isConnected());
        ctx.emit(phone, onTransfer);
        boolean reachable = !number.equals(ctx.model.settings().unreachableNumber());
        if (reachable) {
            ctx.emit(phone, callEvent("TransferSucceed", phone, call));
        } else {
            ObjectNode failed = callEvent("TransferFailed", phone, call);
            failed.put("status", DESTINATION_NOT_FOUND);
            ctx.emit(phone, failed);
        }
        if (callBack) {
            // With call-back the caller comes back to this operator whatever happened.
            ctx.emit(phone, callEvent("TransferCallReturned", phone, call));
        } else if (reachable) {
            CallCommands.forget(ctx, phone, call);
        }
    }

    private static void breakTransfer(CommandContext ctx) throws Rejected {
        Softphone phone = ctx.onlinePhone();
        SimCall call = ctx.call(phone);
        ctx.ok();
        ctx.emit(phone, callEvent("TransferCallReturned", phone, call));
    }

    private static void finishConference(CommandContext ctx) throws Rejected {
        Softphone phone = ctx.onlinePhone();
        SimCall call = ctx.call(phone);
        ctx.ok();
        ctx.emit(phone, callEvent("TransferSucceed", phone, call));
        phone.calls.remove(call.cid);
        ctx.emit(phone, phone.userState(ctx.model.nowSeconds()));
        ObjectNode onClose = callEvent("OnClose", phone, call);
        ctx.emit(phone, onClose);
    }

    static ObjectNode callEvent(String name, Softphone phone, SimCall call) {
        ObjectNode event = Json.event(name, phone.login);
        CidFactory.put(event, call.cid);
        return event;
    }
}
