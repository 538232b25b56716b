package io.ctimw.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;

/** What the Java API does to the model from outside a connection; every action runs on the model thread. */
final class ModelActions {
    private final Model model;

    ModelActions(Model model) {
        this.model = model;
    }

    void addOperator(String login) {
        model.thread().call(() -> {
            model.board().addPhone(login);
            return null;
        });
    }

    void setOffline(String login, boolean offline) {
        model.thread().call(() -> {
            Softphone phone = phone(login);
            if (phone.isOffline() != offline) {
                phone.state = offline ? Softphone.OFFLINE : "normal";
                phone.reason = null;
                if (offline) {
                    // A softphone that quits takes its calls with it.
                    phone.calls.clear();
                }
                model.board().emit(phone, phone.userState(model.nowSeconds()));
            }
            return null;
        });
    }

    Object injectIncomingCall(String login, String callerNumber) {
        return model.thread().call(() -> {
            Softphone phone = phone(login);
            if (phone.isOffline()) {
                throw new IllegalStateException("softphone of " + login + " is offline");
            }
            SimCall call = new SimCall(model.cids().next(), "in", UUID.randomUUID().toString(), callerNumber,
                    login, callerNumber, model.nowSeconds());
            phone.calls.put(call.cid, call);
            model.board().emit(phone, call.event("NewCall", login));
            return call.cid;
        });
    }

    void remoteHangup(String login, Object cid) {
        model.thread().call(() -> {
            Softphone phone = phone(login);
            SimCall call = phone.calls.get(cid);
            if (call == null) {
                throw new IllegalArgumentException("no call " + cid + " for " + login);
            }
            call.end(model.nowSeconds());
            model.board().emit(phone, call.event("CallStatus", login));
            return null;
        });
    }

    boolean closeEnded(String login, Object cid) {
        return model.thread().call(() -> {
            Softphone phone = phone(login);
            SimCall call = phone.calls.get(cid);
            if (call == null || !"ended".equals(call.state)) {
                return false;
            }
            phone.calls.remove(cid);
            ObjectNode onClose = Json.event("OnClose", login);
            CidFactory.put(onClose, cid);
            model.board().emit(phone, onClose);
            return true;
        });
    }

    /** The Java API's free-form event: the fields as JSON, {@code login} added if absent. */
    void emit(String login, Map<String, Object> eventFields) {
        ObjectNode event = Json.MAPPER.valueToTree(eventFields);
        if (!event.has("login")) {
            event.put("login", login);
        }
        emit(login, event);
    }

    void emit(String login, ObjectNode event) {
        model.thread().call(() -> {
            model.board().emit(phone(login), event);
            return null;
        });
    }

    void emitRaw(String text) {
        model.thread().call(() -> {
            model.board().connections().stream().filter(c -> c.versionSet).forEach(c -> c.send(text));
            return null;
        });
    }

    void sendGarbage() {
        model.thread().call(() -> {
            for (Connection c : model.board().connections()) {
                c.send("this is not JSON {");
                c.send("{\"login\":\"nobody\",\"unexpected\":true}");
            }
            return null;
        });
    }

    private Softphone phone(String login) {
        Softphone phone = model.board().phone(login);
        if (phone == null) {
            throw new IllegalArgumentException("unknown login " + login);
        }
        return phone;
    }
}
