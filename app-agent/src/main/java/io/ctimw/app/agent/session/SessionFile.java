package io.ctimw.app.agent.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps one session per middleware address in the agent home ({@code sessions/<host>_<port>-<hash>.json}),
 * readable only by the user: the file holds a bearer token. Writes are atomic so a crash mid-write
 * never leaves a half file that would lose the cursor.
 */
public final class SessionFile {
    private static final Set<PosixFilePermission> DIR_700 = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_600 = PosixFilePermissions.fromString("rw-------");

    private final Path home;
    private final ObjectMapper json;

    public SessionFile(Path home, ObjectMapper json) {
        this.home = home;
        this.json = json;
    }

    /** The session for this address, if one was saved (an unreadable file counts as none). */
    public Optional<Session> load(URI address) {
        Path file = fileFor(address);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Session s = json.readValue(Files.readAllBytes(file), Session.class);
            return Optional.of(s).filter(x -> x.address().equals(address.toString()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void save(Session session) {
        URI address = URI.create(session.address());
        try {
            Path dir = ensureDir(home.resolve("sessions"), true);
            Path tmp = createPrivateFile(dir, ".session-", ".tmp");
            Files.write(tmp, json.writeValueAsString(session).getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(tmp, fileFor(address), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, fileFor(address), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the session file in " + home, e);
        }
    }

    public void delete(URI address) {
        try {
            Files.deleteIfExists(fileFor(address));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + fileFor(address), e);
        }
    }

    /** Where this address's session lives; readable name first, hash so distinct addresses never collide. */
    public Path fileFor(URI address) {
        String readable = (address.getHost() + "_" + (address.getPort() < 0 ? address.getScheme() : address.getPort()))
                .replaceAll("[^A-Za-z0-9._-]", "_");
        return home.resolve("sessions").resolve(readable + "-" + shortHash(address.toString()) + ".json");
    }

    /**
     * Creates {@code dir} (and missing parents) so only its owner may enter. An existing directory is
     * tightened only when it is ours ({@code ours}): a user-chosen CTI_AGENT_HOME such as /tmp must not be chmod-ed.
     */
    public static Path ensureDir(Path dir, boolean ours) throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIR_700)}
                        : new FileAttribute<?>[0]);
            } catch (FileAlreadyExistsException e) {
                // created concurrently by another agent: fine, permissions are fixed below
            }
        }
        if (ours && posix()) {
            Files.setPosixFilePermissions(dir, DIR_700);
        }
        return dir;
    }

    /** Creates {@code file} empty and owner-only if missing (the shell history holds typed numbers). */
    public static void ensurePrivateFile(Path file) throws IOException {
        ensureDir(file.getParent(), false);
        if (!Files.exists(file)) {
            if (posix()) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE_600));
            } else {
                Files.createFile(file);
            }
        }
    }

    private static Path createPrivateFile(Path dir, String prefix, String suffix) throws IOException {
        if (posix()) {
            return Files.createTempFile(dir, prefix, suffix, PosixFilePermissions.asFileAttribute(FILE_600));
        }
        return Files.createTempFile(dir, prefix, suffix);
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
