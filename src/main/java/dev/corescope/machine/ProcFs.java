package dev.corescope.machine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A view of the kernel's pseudo file systems ({@code /proc}, {@code /sys}) rooted at a directory,
 * so every reader can be pointed at a fixture tree in tests. Paths are written as on the real
 * machine ({@code /proc/self/status}) and resolved against the root.
 */
public final class ProcFs {

    private static final ProcFs REAL = new ProcFs(Path.of("/"));

    private final Path root;

    /** A view rooted at {@code root}: {@code /proc/loadavg} is read from {@code root/proc/loadavg}. */
    public ProcFs(Path root) {
        this.root = root;
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
        return root.toAbsolutePath().normalize().equals(Path.of("/"));
    }

    /** The file's whole content, or empty when it is missing or unreadable. */
    public Optional<String> read(String path) {
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
        try {
            return Files.isDirectory(resolve(path));
        } catch (SecurityException | InvalidPathException e) {
            return false;
        }
    }

    private Path resolve(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.isEmpty() ? root : root.resolve(relative);
    }

    @Override
    public String toString() {
        return "ProcFs[" + root + "]";
    }
}
