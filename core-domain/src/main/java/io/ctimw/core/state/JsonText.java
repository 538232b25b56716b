package io.ctimw.core.state;

import io.ctimw.core.model.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON reading for the state projection: splits an object into its members and an array into its
 * elements, each value kept as its raw text, so the CTI's values (a numeric cid, unknown fields) pass through
 * unchanged. Its input was parsed by the adapter before it was stored; anything unexpected is an
 * {@link IllegalArgumentException}, never a partial answer.
 */
final class JsonText {
    private final String text;
    private int pos;

    private JsonText(String text) {
        this.text = text;
    }

    /** The object's members in order, name to raw value text; a repeated name keeps its last value. */
    static Map<String, String> members(String json) {
        JsonText in = new JsonText(json);
        Map<String, String> members = new LinkedHashMap<>();
        in.expect('{');
        if (!in.take('}')) {
            do {
                String name = in.string();
                in.expect(':');
                members.put(name, in.value());
            } while (in.take(','));
            in.expect('}');
        }
        in.end();
        return members;
    }

    /** The array's elements in order, as raw text. */
    static List<String> elements(String json) {
        JsonText in = new JsonText(json);
        List<String> elements = new ArrayList<>();
        in.expect('[');
        if (!in.take(']')) {
            do {
                elements.add(in.value());
            } while (in.take(','));
            in.expect(']');
        }
        in.end();
        return elements;
    }

    /** The text of a raw JSON string value, or null when the value is not a string. */
    static String string(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '"') {
            return null;
        }
        JsonText in = new JsonText(raw);
        String s = in.string();
        in.end();
        return s;
    }

    /** Writes members (raw values) back as an object. */
    static String object(Map<String, String> members) {
        StringBuilder out = new StringBuilder(64).append('{');
        members.forEach((name, raw) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(Json.quote(name)).append(':').append(raw);
        });
        return out.append('}').toString();
    }

    private String value() {
        skipSpace();
        int start = pos;
        char c = peek();
        if (c == '"') {
            string();
        } else if (c == '{' || c == '[') {
            nested();
        } else {
            while (pos < text.length() && ",}] \t\r\n".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            if (pos == start) {
                throw fail("a value");
            }
        }
        return text.substring(start, pos);
    }

    /** Skips a whole object or array, strings inside included. */
    private void nested() {
        int depth = 0;
        do {
            char c = peek();
            if (c == '"') {
                string();
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            pos++;
        } while (depth > 0);
    }

    private String string() {
        skipSpace();
        if (peek() != '"') {
            throw fail("a string");
        }
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = peek();
            pos++;
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = peek();
            pos++;
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw fail("four hex digits");
                    }
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> out.append(e); // \" \\ \/
            }
        }
    }

    private void expect(char c) {
        if (!take(c)) {
            throw fail("'" + c + "'");
        }
    }

    private boolean take(char c) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void end() {
        skipSpace();
        if (pos != text.length()) {
            throw fail("the end");
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw fail("more");
        }
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private IllegalArgumentException fail(String expected) {
        return new IllegalArgumentException("JSON: expected " + expected + " at " + pos);
    }
}
