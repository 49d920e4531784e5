package dev.corescope.machine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A view of the kernel's pseudo file systems ({@code /proc}, {@code /sys}) rooted at a directory,
 * so every reader can be pointed at a fixture tree in tests, or made of files computed on demand (a
 * simulated machine's, {@link #virtual}). Paths are written as on the real machine
 * ({@code /proc/self/status}) and resolved against the root.
 */
public final class ProcFs {

    private static final ProcFs REAL = new ProcFs(Path.of("/"));

    private final Path root;
    /** For a virtual view: a file's content by its absolute path, and which paths are directories; else null. */
    private final Function<String, Optional<String>> files;
    private final Predicate<String> directories;

    /** A view rooted at {@code root}: {@code /proc/loadavg} is read from {@code root/proc/loadavg}. */
    public ProcFs(Path root) {
        this.root = root;
        this.files = null;
        this.directories = null;
    }

    private ProcFs(Function<String, Optional<String>> files, Predicate<String> directories) {
        this.root = Path.of("/");
        this.files = files;
        this.directories = directories;
    }

    /**
     * A view of files that exist nowhere on disk: {@code files} gives a file's content by its absolute path
     * ({@code /proc/stat}), read at the moment it is asked for; {@code directories} says which paths are
     * directories. Never {@link #isReal()}.
     */
    public static ProcFs virtual(Function<String, Optional<String>> files, Predicate<String> directories) {
        return new ProcFs(files, directories);
    }

    /** The real machine, rooted at {@code /}. */
    public static ProcFs real() {
        return REAL;
    }

    public Path root() {
        return root;
    }

    /** Whether this view is the real file system root. */
    public boolean isReal() {
        return files == null && root.toAbsolutePath().normalize().equals(Path.of("/"));
    }

    /** The file's whole content, or empty when it is missing or unreadable. */
    public Optional<String> read(String path) {
        if (files != null) {
            return files.apply(absolute(path));
        }
        try {
            return Optional.of(Files.readString(resolve(path), StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException | SecurityException | InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The file's first line, trimmed; empty when missing, unreadable or blank. */
    public Optional<String> readLine(String path) {
        return read(path).map(s -> s.lines().findFirst().orElse("").trim()).filter(s -> !s.isEmpty());
    }

    /** Whether {@code path} is an existing directory. */
    public boolean isDirectory(String path) {
        if (directories != null) {
            return directories.test(absolute(path));
        }
        try {
            return Files.isDirectory(resolve(path));
        } catch (SecurityException | InvalidPathException e) {
            return false;
        }
    }

    private static String absolute(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }

    private Path resolve(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.isEmpty() ? root : root.resolve(relative);
    }

    @Override
    public String toString() {
        return files != null ? "ProcFs[virtual]" : "ProcFs[" + root + "]";
    }
}
