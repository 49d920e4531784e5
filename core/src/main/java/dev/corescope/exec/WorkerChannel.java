package dev.corescope.exec;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The worker JVM's end of the protocol, on private descriptors. The coordinator starts a worker through
 * {@code /bin/sh -c 'exec "$@" 3<&0 4>&1 </dev/null >&2'}: before the JVM even starts, its task pipe is
 * on fd 3, its result pipe on fd 4, fd 0 reads {@code /dev/null} and fd 1 writes to the worker log (fd 2).
 * Nothing that writes to fd 1 (the JVM's own logging, before {@code main} too, native code, a child
 * process that inherits it) reaches the coordinator's frame pipe, and nothing that reads fd 0 can swallow
 * a frame; children get only fds 0-2 (the JDK closes the rest when it spawns). The worker opens its pipes
 * through {@code /proc/self/fd/3} and {@code /proc/self/fd/4}, in plain Java: no native call before it is
 * ready. Started any other way (no {@code /proc}, not Linux, by hand), the protocol stays on fd 0 and fd 1,
 * with {@code System.out} sent to stderr, and {@link #note()} says so.
 *
 * @param in         the protocol input
 * @param out        the protocol output (unbuffered)
 * @param outTarget  what the protocol output is ({@code pipe:[inode]}), to find its descriptor, or null
 * @param note       null when private descriptors are in use, else why not
 */
record WorkerChannel(InputStream in, OutputStream out, String outTarget, String note) {
    private static final Path FD = Path.of("/proc/self/fd");
    /** The shell that moves the pipes to fds 3 and 4 before it runs the worker JVM ({@code "$@"}). */
    static final List<String> LAUNCHER = List.of("/bin/sh", "-c", "exec \"$@\" 3<&0 4>&1 </dev/null >&2", "sh");

    static WorkerChannel open() {
        String in = target("3");
        String out = target("4");
        if (!in.startsWith("pipe:") || !out.startsWith("pipe:")) {
            return fallback(Files.isDirectory(FD) ? "not started with its pipes on fds 3 and 4" : "no /proc/self/fd here");
        }
        try {
            return new WorkerChannel(new FileInputStream(FD.resolve("3").toFile()),
                    new FileOutputStream(FD.resolve("4").toFile(), true), out, null);
        } catch (IOException | RuntimeException e) {
            return fallback(e.getMessage());
        }
    }

    private static String target(String fd) {
        try {
            return Files.readSymbolicLink(FD.resolve(fd)).toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static WorkerChannel fallback(String why) {
        return new WorkerChannel(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out), null,
                "protocol kept on stdin/stdout (" + why + ")");
    }

    /** The descriptor number of the protocol output, found by its target in /proc/self/fd; -1 if unknown. */
    int outFd() {
        if (outTarget == null) {
            return 1;
        }
        try (var fds = Files.list(FD)) {
            return fds.filter(p -> !p.getFileName().toString().equals("1"))
                    .filter(p -> outTarget.equals(target(p.getFileName().toString())))
                    .mapToInt(p -> Integer.parseInt(p.getFileName().toString())).max().orElse(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
