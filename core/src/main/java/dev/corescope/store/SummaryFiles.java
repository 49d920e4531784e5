package dev.corescope.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a run's {@code summary.json} (the whole result) and {@code summary.csv}, for every command:
 * each file atomically ({@link AtomicFile}: temp file, fsync, {@code ATOMIC_MOVE}), the JSON last. With a
 * complete summary, {@code records.jsonl} is fsynced first, so the records a summary describes are on disk
 * before it. A partial summary (the run interrupted) never replaces a complete one: writers of one
 * directory take turns, and a partial one is dropped when {@code summary.json} already says
 * {@code "complete": true} — so a Ctrl-C just after the final summary leaves it alone.
 */
public final class SummaryFiles {
    private static final ConcurrentHashMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private SummaryFiles() {
    }

    /**
     * Writes a summary document and its CSV (any command's).
     *
     * @return false when {@code complete} is false and a complete summary is already there (nothing written)
     */
    public static boolean write(RunDirectory dir, boolean complete, String json, String csv) {
        Object lock = LOCKS.computeIfAbsent(dir.path().toAbsolutePath().normalize(), p -> new Object());
        synchronized (lock) {
            try {
                if (!complete && isComplete(dir.file("summary.json"))) {
                    return false;
                }
                if (complete && Files.isRegularFile(dir.records(), LinkOption.NOFOLLOW_LINKS)) {
                    AtomicFile.sync(dir.records());
                }
                AtomicFile.write(dir.file("summary.csv"), csv);
                AtomicFile.write(dir.file("summary.json"), json);
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the summary in " + dir.path() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Whether {@code file} holds a summary that says it is complete. */
    public static boolean isComplete(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            var node = Json.MAPPER.readTree(file.toFile());
            return node != null && node.path("complete").asBoolean(false);
        } catch (IOException e) {
            return false;
        }
    }
}
