package io.ctimw.adapters.postgres.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One file of the intake log, mapped into memory. A record written into the mapping is in the OS page
 * cache at once: it survives the death of the process with no system call. Its name carries the first
 * sequence it may hold, so the files sort in log order.
 */
final class Segment {
    private static final String PREFIX = "intake-";
    private static final String SUFFIX = ".seg";
    private static final int ZEROS = 1 << 20;

    final Path file;
    private final MappedByteBuffer map;
    /** No record of this file has a lower sequence: lower ones are a reused file's old records. */
    private final long firstSeq;
    private int end;
    private long lastSeq;

    private Segment(Path file, MappedByteBuffer map, long firstSeq) {
        this.file = file;
        this.map = map;
        this.firstSeq = firstSeq;
        this.lastSeq = firstSeq - 1;
    }

    private static Path name(Path dir, long firstSeq) {
        return dir.resolve(PREFIX + String.format("%020d", firstSeq) + SUFFIX);
    }

    /**
     * A new file for sequences from {@code firstSeq}, its blocks allocated by writing zeros (a full disk
     * fails here, as an IOException, instead of later inside a mapped write).
     */
    static Segment create(Path dir, long firstSeq, int bytes) throws IOException {
        Path file = name(dir, firstSeq);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate(Math.min(ZEROS, bytes));
            for (long at = 0; at < bytes; at += zeros.capacity()) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), bytes - at));
                while (zeros.hasRemaining()) {
                    ch.write(zeros, at + zeros.position());
                }
            }
            return new Segment(file, ch.map(FileChannel.MapMode.READ_WRITE, 0, bytes), firstSeq);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * Reuses a segment whose events are all stored for sequences from {@code firstSeq}: renamed, mapped,
     * written from its start. Its blocks are allocated already, and the old records after the new ones
     * have lower sequences, which {@link #records} reads as the end of the data.
     */
    static Segment recycle(Segment old, Path dir, long firstSeq, int bytes) throws IOException {
        Path file = Files.move(old.file, name(dir, firstSeq));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (ch.size() != bytes) {
                Files.delete(file);
                return create(dir, firstSeq, bytes);
            }
            return new Segment(file, ch.map(FileChannel.MapMode.READ_WRITE, 0, bytes), firstSeq);
        }
    }

    /** Reads an existing file (read-only) up to its last whole record. */
    static Segment open(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            String name = file.getFileName().toString();
            Segment s = new Segment(file, map, Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length())));
            s.records(); // sets end and lastSeq
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isSegment(Path file) {
        return file.getFileName().toString().matches(PREFIX + "\\d{20}" + SUFFIX.replace(".", "\\."));
    }

    /** Appends a record if it fits; false when the file is full. */
    boolean append(long seq, byte[] payload) {
        int size = IntakeRecord.HEADER + payload.length;
        if (size > map.capacity() - end) {
            return false;
        }
        IntakeRecord.write(map, end, payload);
        end += size;
        lastSeq = seq;
        return true;
    }

    /** The payloads of the whole records, in order; stops at the first torn or unwritten one. */
    List<byte[]> records() {
        List<byte[]> out = new ArrayList<>();
        int at = 0;
        long previous = Long.MIN_VALUE;
        for (byte[] p = IntakeRecord.read(map, at); p != null; p = IntakeRecord.read(map, at)) {
            long seq = IntakeRecord.seq(p);
            if (seq <= previous || seq < firstSeq) {
                break; // not this file's data: the rest of a reused file's old records
            }
            out.add(p);
            previous = seq;
            at += IntakeRecord.HEADER + p.length;
        }
        end = at;
        lastSeq = out.isEmpty() ? firstSeq - 1 : previous;
        return out;
    }

    long lastSeq() {
        return lastSeq;
    }

    boolean isEmpty() {
        return end == 0;
    }
}
