package io.ctimw.app.agent.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a server-sent-events body line by line as it arrives; comments (heartbeats) are skipped. Lines
 * are cut from the bytes here: an InputStreamReader over a gzip stream waits for more input than has come
 * (the inflater always claims some is available), which would hold back the events already received.
 */
final class SseReader {
    /** One message: its {@code id} (null when none), its event name ({@code message} by default), its data. */
    record Message(String id, String event, String data) {
    }

    private SseReader() {
    }

    /** Hands every {@code message} to {@code messages}; returns the {@code end} message, or empty when the body ended without one. */
    static Optional<Message> read(InputStream body, Consumer<Message> messages) throws IOException {
        InputStream lines = new BufferedInputStream(body);
        String id = null;
        String event = null;
        StringBuilder data = null;
        for (String line = readLine(lines); line != null; line = readLine(lines)) {
            if (line.isEmpty()) {
                if (data != null) {
                    Message message = new Message(id, event == null ? "message" : event, data.toString());
                    if (message.event().equals("end")) {
                        return Optional.of(message);
                    }
                    messages.accept(message);
                }
                id = null;
                event = null;
                data = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            value = value.startsWith(" ") ? value.substring(1) : value;
            switch (field) {
                case "id" -> id = value;
                case "event" -> event = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> { } // retry and unknown fields: nothing to do for this client
            }
        }
        return Optional.empty();
    }

    /** The next line without its end ({@code \n}, a {@code \r} before it dropped), or null at the end of the body. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
