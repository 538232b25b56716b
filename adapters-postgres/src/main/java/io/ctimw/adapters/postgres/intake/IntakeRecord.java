package io.ctimw.adapters.postgres.intake;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.PendingEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.CRC32C;

/**
 * One logged event on disk: {@code int length, int crc32c, payload}, the payload being the intake
 * sequence, login, name, frame (UTF-8, each with its byte length) and receive time. The checksum covers
 * the whole payload, so a record the process died in the middle of writing never reads back as an event.
 */
final class IntakeRecord {
    /** Length and checksum. */
    static final int HEADER = 8;

    private IntakeRecord() {
    }

    /** The payload of {@code event} under sequence {@code seq}. */
    static byte[] payload(long seq, PendingEvent event) {
        byte[] login = event.login().value().getBytes(StandardCharsets.UTF_8);
        byte[] name = event.name().getBytes(StandardCharsets.UTF_8);
        byte[] json = event.json().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + 12 + login.length + name.length + json.length + 12);
        b.putLong(seq).putInt(login.length).put(login).putInt(name.length).put(name).putInt(json.length).put(json);
        b.putLong(event.receivedAt().getEpochSecond()).putInt(event.receivedAt().getNano());
        return b.array();
    }

    static int checksum(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    /** Writes a whole record at {@code at}: payload first, the header that makes it readable last. */
    static void write(ByteBuffer to, int at, byte[] payload) {
        to.put(at + HEADER, payload);
        to.putInt(at + 4, checksum(payload));
        to.putInt(at, payload.length);
    }

    /**
     * The payload of the record at {@code at}, or null where the written part of the segment ends: a zero
     * length (never written), a length past the end, or a checksum that does not match (a torn write).
     */
    static byte[] read(ByteBuffer from, int at) {
        if (at + HEADER > from.limit()) {
            return null;
        }
        int length = from.getInt(at);
        if (length < 8 || length > from.limit() - at - HEADER) {
            return null;
        }
        byte[] payload = new byte[length];
        from.get(at + HEADER, payload);
        return checksum(payload) == from.getInt(at + 4) ? payload : null;
    }

    static long seq(byte[] payload) {
        return ByteBuffer.wrap(payload).getLong();
    }

    static PendingEvent event(byte[] payload) {
        ByteBuffer b = ByteBuffer.wrap(payload);
        long seq = b.getLong();
        Login login = new Login(text(b));
        String name = text(b);
        String json = text(b);
        Instant receivedAt = Instant.ofEpochSecond(b.getLong(), b.getInt());
        return new PendingEvent(login, name, json, receivedAt, seq);
    }

    private static String text(ByteBuffer b) {
        byte[] bytes = new byte[b.getInt()];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
