package dev.corescope.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A run's output directory: {@code runs/<timestamp>-<command>} unless {@code --out} names one. A run
 * claims its directory atomically: it creates {@value #MARKER} with {@code CREATE_NEW}, so of two runs
 * started on one directory exactly one gets it, and the other is refused. A directory that already
 * holds anything is refused too (nothing is overwritten). Default names are made unique with
 * {@link Files#createDirectory} (atomic), so two runs started in the same second get two directories.
 */
public record RunDirectory(Path path) {
    /** The file that marks a directory as claimed by a run. */
    public static final String MARKER = ".corescope-run";

    /** The requested directory cannot hold a run (not creatable, not writable, or already used). */
    public static final class Unusable extends IOException {
        public Unusable(String message) {
            super(message);
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /**
     * Creates and claims the directory ({@code requested}, which must not exist or be empty; or a new
     * one under {@code runs/}).
     *
     * @throws Unusable with a one-line reason when it cannot be used
     */
    public static RunDirectory create(Path requested, String command) throws Unusable {
        Path dir = requested != null ? requested(requested) : fresh(Path.of("runs"), command);
        claim(dir, command);
        return new RunDirectory(dir);
    }

    private static Path requested(Path dir) throws Unusable {
        if (dir.toString().isBlank()) {
            throw new Unusable("the output directory is empty: name a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Unusable("cannot create output directory " + dir + ": " + reason(e));
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new Unusable("output directory " + dir + " is not writable");
        }
        return dir;
    }

    /** {@code parent/<timestamp>-<command>}, then {@code -2}, {@code -3}...: the first that this call creates. */
    static Path fresh(Path parent, String command) throws Unusable {
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new Unusable("cannot create output directory " + parent + ": " + reason(e));
        }
        String base = LocalDateTime.now().format(STAMP) + "-" + command;
        for (int i = 1; ; i++) {
            Path dir = parent.resolve(i == 1 ? base : base + "-" + i);
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                // taken (by us earlier or by another run in the same second): next suffix
            } catch (IOException e) {
                throw new Unusable("cannot create output directory " + dir + ": " + reason(e));
            }
        }
    }

    private static void claim(Path dir, String command) throws Unusable {
        if (Files.exists(dir.resolve(MARKER), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new Unusable("output directory " + dir + " already holds a run; choose another --out");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            if (entries.iterator().hasNext()) {
                throw new Unusable("output directory " + dir + " is not empty; choose another --out (nothing is "
                        + "overwritten)");
            }
        } catch (Unusable e) {
            throw e;
        } catch (IOException e) {
            throw new Unusable("cannot read output directory " + dir + ": " + reason(e));
        }
        String claim = "pid " + ProcessHandle.current().pid() + ", " + command + ", " + Instant.now() + "\n";
        try {
            Files.write(dir.resolve(MARKER), claim.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new Unusable("output directory " + dir + " was just claimed by another run; choose another --out");
        } catch (IOException e) {
            throw new Unusable("cannot claim output directory " + dir + ": " + reason(e));
        }
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

    /** The directory's name (the absolute path's last element, for {@code --out .} and the like). */
    public String runId() {
        Path name = path.toAbsolutePath().normalize().getFileName();
        return name == null ? "run" : name.toString();
    }
}
