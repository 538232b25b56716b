package io.ctimw.adapters.http;

import io.ctimw.core.model.CommandOutcome;
import io.ctimw.core.model.CommandRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** A ledger entry as the API shows it: the command, its fields, and what the CTI answered. */
final class CommandViews {
    private final JsonCodec json;

    CommandViews(JsonCodec json) {
        this.json = json;
    }

    Map<String, Object> view(CommandRecord c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id().value());
        out.put("at", c.at().toString());
        out.put("name", c.name());
        out.put("fields", json.object(c.fieldsJson()).orElse(null));
        out.put("idempotencyKey", c.key() == null ? null : c.key().value());
        out.put("outcome", c.outcome().status().code());
        out.put("completedAt", c.completedAt() == null ? null : c.completedAt().toString());
        out.put("reply", reply(c.outcome()));
        if (c.outcome().status() == CommandOutcome.Status.CTI_DOWN) {
            out.put("detail", c.outcome().reply());
        }
        return out;
    }

    /** The CTI's answer: its data message (without our rid), or {@code {"name": "Ok"|"Error"|..., "description"}}. */
    private Object reply(CommandOutcome outcome) {
        if (outcome.replyName() == null) {
            return null;
        }
        if (outcome.status() == CommandOutcome.Status.OK && !"Ok".equals(outcome.replyName())) {
            return json.object(outcome.reply()).map(data -> data.without("rid")).orElse(null);
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("name", outcome.replyName());
        if (outcome.reply() != null) {
            reply.put("description", outcome.reply());
        }
        return reply;
    }
}
