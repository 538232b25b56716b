package io.ctimw.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The core's one JSON writer escapes what RFC 8259 requires (and the line separators JavaScript chokes on). */
class JsonTest {
    @Test
    void plainTextIsOnlyQuoted() {
        assertEquals("\"\"", Json.quote(""));
        assertEquals("\"agent 1: ü€\"", Json.quote("agent 1: ü€"));
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        assertEquals("\"say \\\"hi\\\" \\\\ bye\"", Json.quote("say \"hi\" \\ bye"));
    }

    @Test
    void controlCharactersAreEscaped() {
        assertEquals("\"a\\nb\\rc\\td\"", Json.quote("a\nb\rc\td"));
        assertEquals("\"\\u0000\\u0001\\u001f\"", Json.quote("\u0000\u0001\u001f"));
        assertEquals("\"\\u2028\\u2029\"", Json.quote("\u2028\u2029"));
        assertEquals("\" \u007f\"", Json.quote(" \u007f"));
    }
}
