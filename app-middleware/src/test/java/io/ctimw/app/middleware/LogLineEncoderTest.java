package io.ctimw.app.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One setting picks human-readable lines or JSON lines. */
class LogLineEncoderTest {
    private static String encode(String format) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        LogLineEncoder encoder = new LogLineEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setPattern("%-5level %logger{0} - %msg%n");
        encoder.start();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("io.ctimw.Demo"), Level.INFO,
                "cti-middleware ready", null, null);
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void textIsThePattern() {
        assertEquals("INFO  Demo - cti-middleware ready\n", encode("text"));
    }

    @Test
    void jsonIsOneJsonObjectPerLine() {
        String line = encode("json");
        assertTrue(line.startsWith("{") && line.endsWith("}\n") && line.indexOf('\n') == line.length() - 1, line);
        assertTrue(line.contains("\"level\":\"INFO\"") && line.contains("\"message\":\"cti-middleware ready\""), line);
    }
}
