package io.ctimw.core.ledger;

import io.ctimw.core.model.CallId;
import io.ctimw.core.model.ControlCommand;
import io.ctimw.core.model.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A validated command written one way only: its fields as JSON with sorted keys (as the ledger stores
 * them), and the SHA-256 of its name and fields, by which a retry is recognised as the same command
 * however its body was spelled (key order, spacing, {@code 2} or {@code "2"} for a cid).
 */
public final class CanonicalCommand {
    private CanonicalCommand() {
    }

    /** The fields as JSON, keys sorted; a cid in the type it is sent to the CTI in. */
    public static String fieldsJson(ControlCommand command) {
        return write(command.fields(), false);
    }

    /** Hex SHA-256 of the name and fields; a cid counts by its key, so its JSON type does not matter. */
    public static String fingerprint(ControlCommand command) {
        String canonical = Json.quote(command.name()) + ":" + write(command.fields(), true);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String write(Map<String, Object> fields, boolean cidAsKey) {
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(fields).forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(Json.quote(name)).append(':').append(value(value, cidAsKey));
        });
        return out.append('}').toString();
    }

    private static String value(Object value, boolean cidAsKey) {
        if (value instanceof CallId cid) {
            return cid.numeric() && !cidAsKey ? cid.text() : Json.quote(cid.key());
        }
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        return Json.quote(String.valueOf(value));
    }
}
