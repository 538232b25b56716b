package io.ctimw.app.agent.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Builds the POST /control body for an invocation of a control command, from its table row. */
public final class ControlBody {
    private ControlBody() {
    }

    public static ObjectNode of(Invocation invocation) {
        if (!(invocation.command().action() instanceof Action.Control control)) {
            throw new IllegalArgumentException(invocation.command().name() + " is not a control command");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", control.ctiName());
        for (int i = 0; i < invocation.values().size(); i++) {
            Arg arg = invocation.command().args().get(i);
            body.set(arg.field(), arg.toJson(invocation.values().get(i)));
        }
        for (Map.Entry<String, Object> fixed : control.fixed().entrySet()) {
            body.set(fixed.getKey(), fixed.getValue() instanceof Boolean b
                    ? JsonNodeFactory.instance.booleanNode(b)
                    : JsonNodeFactory.instance.textNode(String.valueOf(fixed.getValue())));
        }
        if (invocation.options() instanceof StateArgs state && state.reason() != null) {
            body.put("reason", state.reason());
        }
        return body;
    }
}
