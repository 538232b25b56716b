package io.ctimw.bench.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The run's temp directory (database files, config, middleware log); deleted on close, or by a
 * shutdown hook when the driver is stopped by a signal before it could close it.
 */
public final class Workspace implements AutoCloseable {
    private final Path root;
    private final Thread hook;

    private Workspace(Path root) {
        this.root = root;
        this.hook = new Thread(this::delete, "delete-workspace");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public static Workspace create() {
        try {
            return new Workspace(Files.createTempDirectory("cti-bench-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Path resolve(String name) {
        return root.resolve(name);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook deletes it
        }
        delete();
    }

    /** Retries for a few seconds: on a signal, PostgreSQL and the middleware may still be writing here. */
    private void delete() {
        for (int attempt = 0; attempt < 15 && Files.exists(root); attempt++) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException vanishedMeanwhile) {
                // walk again
            }
            if (Files.exists(root)) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (Files.exists(root)) {
            System.err.println("cti-bench: could not delete " + root);
        }
    }
}
