package io.ctimw.adapters.postgres.intake;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The intake log's folder: held by one process at a time (a lock file) and stamped with the database it
 * belongs to (an owner file), so two middlewares never write one log and no log is replayed elsewhere.
 */
final class IntakeFolder {
    private IntakeFolder() {
    }

    /** Creates {@code dir} if need be and locks it; the returned channel holds the lock until closed. */
    static FileChannel claim(Path dir, String owner) throws IOException {
        Files.createDirectories(dir);
        FileChannel lockFile = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = lockFile.tryLock();
            if (lock == null) {
                throw new OverlappingFileLockException();
            }
            checkOwner(dir.resolve("owner"), owner);
            return lockFile;
        } catch (OverlappingFileLockException e) {
            lockFile.close();
            throw new IntakeLogException("intake log " + dir + " is in use by another middleware process", e);
        } catch (IOException | RuntimeException e) {
            lockFile.close();
            throw e;
        }
    }

    private static void checkOwner(Path file, String owner) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, owner, StandardCharsets.UTF_8);
        } else if (!Files.readString(file, StandardCharsets.UTF_8).equals(owner)) {
            throw new IntakeLogException("intake log " + file.getParent() + " belongs to another database: move it"
                    + " away (or delete it if that database is gone) before starting on this one", null);
        }
    }
}
