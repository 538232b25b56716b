package io.ctimw.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command pipeline: parse and record on the socket thread, then execute on the model thread
 * (after the configured reply delay) with the protocol's envelope rules applied in order.
 */
final class CommandProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);

    private final Model model;
    private final CommandJournal journal;
    private final Map<String, CommandHandler> handlers = new HashMap<>();

    CommandProcessor(Model model, CommandJournal journal) {
        this.model = model;
        this.journal = journal;
        // The command set is data: new commands are one more entry in one of these tables.
        SessionCommands.register(handlers);
        CallCommands.register(handlers);
        TransferCommands.register(handlers);
    }

    /** Called on a socket thread: cheap work only, the rest is handed to the model thread. */
    void onText(Connection connection, String text) {
        JsonNode parsed;
        String parseError = null;
        try {
            parsed = Json.MAPPER.readTree(text);
            if (parsed == null || !parsed.isObject()) {
                parseError = "expected a JSON object";
            }
        } catch (JsonProcessingException e) {
            parsed = null;
            parseError = e.getOriginalMessage();
        }
        if (parseError == null) {
            journal.add(ReceivedCommand.of(connection.id, (ObjectNode) parsed, text));
        }
        JsonNode command = parsed;
        String error = parseError;
        model.later(model.faults().replyDelay(), () -> {
            if (error != null) {
                replyParseError(connection, text, error);
            } else {
                execute(connection, (ObjectNode) command);
            }
        });
    }

    private void replyParseError(Connection connection, String text, String description) {
        ObjectNode reply = Json.message("ParseError");
        reply.put("description", description);
        String rid = Json.extractRid(text);
        if (rid != null) {
            reply = Json.withRid(reply, TextNode.valueOf(rid));
        }
        LOG.info("{} <- unparseable message ({}) -> ParseError", connection, description);
        connection.send(Json.write(reply));
    }

    private void execute(Connection connection, ObjectNode command) {
        JsonNode rid = command.get("rid");
        String name = Json.textOrNull(command, "name");
        if (rid == null || rid.isNull()) {
            // The API does not process a command without rid at all: no reply, not even an Error.
            LOG.info("{} <- {} without rid: ignored", connection, name);
            return;
        }
        if (name != null && model.faults().isSilenced(name)) {
            LOG.info("{} <- {} rid={}: silenced, no reply", connection, name, rid);
            return;
        }
        CommandContext ctx = new CommandContext(model, connection, command, rid);
        try {
            run(ctx, name);
        } catch (Rejected e) {
            ctx.error(e.getMessage());
        }
        LOG.info("{} <- {} rid={} login={} -> {}", connection, name, rid.asText(),
                Json.textOrNull(command, "login"), ctx.outcome());
    }

    private void run(CommandContext ctx, String name) throws Rejected {
        if (!ctx.rid.isTextual()) {
            throw new Rejected("rid must be a string");
        }
        if (name == null) {
            throw new Rejected(ctx.command.has("name") ? "name must be a string" : "missing field name");
        }
        String failure = model.faults().takeFailure(name);
        if (failure != null) {
            throw new Rejected(failure);
        }
        if (!ctx.connection.versionSet && !"SetProtocolVersion".equals(name)) {
            throw new Rejected("protocol version not set");
        }
        CommandHandler handler = handlers.get(name);
        if (handler == null) {
            throw new Rejected("unknown command " + name);
        }
        handler.handle(ctx);
    }
}
