package io.ctimw.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a log line shows of a frame: short, on one line, with hidden characters made visible. */
class LogTextTest {
    @Test
    void shortPrintableTextIsShownAsIs() {
        assertEquals("{\"name\":\"Calls\",\"x\":\"é ж\"}", LogText.prefix("{\"name\":\"Calls\",\"x\":\"é ж\"}", 80));
    }

    @Test
    void longTextIsCutAndMarked() {
        assertEquals("abcd...", LogText.prefix("abcdefgh", 4));
        assertEquals("abcd", LogText.prefix("abcd", 4));
    }

    @Test
    void controlAndInvisibleCharactersAreEscapedSoTheLineStaysOneReadableLine() {
        assertEquals("a\\u0000b\\u000ac\\u000dd\\u202ee\\u200bf", LogText.prefix("a\0b\nc\rd\u202Ee\u200Bf", 80));
    }
}
