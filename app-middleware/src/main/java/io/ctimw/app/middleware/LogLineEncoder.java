package io.ctimw.app.middleware;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * Logback encoder for one line per event, human-readable ({@code format=text}, with {@code pattern})
 * or JSON lines for log shippers ({@code format=json}); logback.xml sets the format from
 * CTIMW_LOG_FORMAT, so one appender serves both and the choice is one setting.
 */
public final class LogLineEncoder extends EncoderBase<ILoggingEvent> {
    private String format = "text";
    private String pattern = "%msg%n";
    private Encoder<ILoggingEvent> delegate;

    public void setFormat(String format) {
        this.format = format;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        if ("json".equalsIgnoreCase(format)) {
            delegate = new JsonEncoder();
        } else {
            if (!"text".equalsIgnoreCase(format)) {
                addError("CTIMW_LOG_FORMAT must be text or json, not '" + format + "'; writing text");
            }
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(pattern);
            delegate = text;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
