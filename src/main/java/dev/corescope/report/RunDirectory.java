package dev.corescope.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** A run's output directory: {@code runs/<timestamp>-<command>} unless {@code --out} names one. */
public record RunDirectory(Path path) {
    /** The requested directory cannot hold a run (not creatable, not writable, or already used). */
    public static final class Unusable extends IOException {
        public Unusable(String message) {
            super(message);
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /**
     * Creates (or reuses, if empty or ours) the directory and checks it is writable.
     *
     * @throws IOException with a one-line reason when it cannot be used
     */
    public static RunDirectory create(Path requested, String command) throws IOException {
        Path dir = requested != null ? requested
                : Path.of("runs", LocalDateTime.now().format(STAMP) + "-" + command);
        if (requested == null && Files.exists(dir)) {
            for (int i = 2; Files.exists(dir); i++) {
                dir = Path.of("runs", LocalDateTime.now().format(STAMP) + "-" + command + "-" + i);
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Unusable("cannot create output directory " + dir + ": " + reason(e));
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new Unusable("output directory " + dir + " is not writable");
        }
        if (Files.exists(dir.resolve("records.jsonl"))) {
            throw new Unusable("output directory " + dir + " already holds a run (records.jsonl); choose another --out");
        }
        return new RunDirectory(dir);
    }

    private static String reason(IOException e) {
        return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }

    public Path records() {
        return path.resolve("records.jsonl");
    }

    public Path file(String name) {
        return path.resolve(name);
    }

    public String runId() {
        return path.getFileName().toString();
    }
}
