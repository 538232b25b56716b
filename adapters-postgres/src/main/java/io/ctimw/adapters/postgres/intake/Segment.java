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
    private int end;
    private long lastSeq;

    private Segment(Path file, MappedByteBuffer map, int end, long lastSeq) {
        this.file = file;
        this.map = map;
        this.end = end;
        this.lastSeq = lastSeq;
    }

    /**
     * A new file for sequences from {@code firstSeq}, its blocks allocated by writing zeros (a full disk
     * fails here, as an IOException, instead of later inside a mapped write).
     */
    static Segment create(Path dir, long firstSeq, int bytes) throws IOException {
        Path file = dir.resolve(PREFIX + String.format("%020d", firstSeq) + SUFFIX);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate(Math.min(ZEROS, bytes));
            for (long at = 0; at < bytes; at += zeros.capacity()) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), bytes - at));
                while (zeros.hasRemaining()) {
                    ch.write(zeros, at + zeros.position());
                }
            }
            return new Segment(file, ch.map(FileChannel.MapMode.READ_WRITE, 0, bytes), 0, firstSeq - 1);
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
        Path file = Files.move(old.file, dir.resolve(PREFIX + String.format("%020d", firstSeq) + SUFFIX));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (ch.size() != bytes) {
                Files.delete(file);
                return create(dir, firstSeq, bytes);
            }
            return new Segment(file, ch.map(FileChannel.MapMode.READ_WRITE, 0, bytes), 0, firstSeq - 1);
        }
    }

    /** Reads an existing file (read-only) up to its last whole record. */
    static Segment open(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            Segment s = new Segment(file, map, 0, 0);
            s.records(); // sets end and lastSeq
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isSegment(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
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
            if (seq <= previous) {
                break; // not this file's data: sequences only grow
            }
            out.add(p);
            previous = seq;
            at += IntakeRecord.HEADER + p.length;
        }
        end = at;
        lastSeq = out.isEmpty() ? lastSeq : previous;
        return out;
    }

    long lastSeq() {
        return lastSeq;
    }

    boolean isEmpty() {
        return end == 0;
    }
}
