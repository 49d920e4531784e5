package dev.corescope.exec;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;

/**
 * The worker JVM's end of the protocol, on private descriptors: stdin and stdout are duplicated to
 * new close-on-exec descriptors ({@code fcntl(F_DUPFD_CLOEXEC)}), then fd 0 is pointed at
 * {@code /dev/null} and fd 1 at fd 2 ({@code dup2}). From then on nothing that writes to fd 1 (the
 * JVM's own logging, native code, a child process that inherits it) reaches the coordinator's
 * frame pipe, nothing that reads fd 0 can swallow a frame, and no child inherits the pipes.
 *
 * <p>Java has no public way to wrap a descriptor number in a stream, so the {@link FileDescriptor}'s
 * {@code fd} field is set reflectively; the coordinator starts workers with
 * {@code --add-opens java.base/java.io=ALL-UNNAMED} for that. Where that or JNA is not available
 * (not Linux, another launcher), the channel falls back to fd 0 and fd 1 as they are, with
 * {@code System.out} sent to stderr, and says so in {@link #note()}.
 *
 * @param in      the protocol input
 * @param out     the protocol output (unbuffered)
 * @param outFd   the descriptor behind {@code out}
 * @param note    null when private descriptors are in use, else why not
 */
record WorkerChannel(InputStream in, OutputStream out, int outFd, String note) {
    /** The JVM option that lets {@link #open()} wrap a descriptor number in a stream. */
    static final String ADD_OPENS = "--add-opens=java.base/java.io=ALL-UNNAMED";

    static WorkerChannel open() {
        String why = privateFdsUnavailable();
        if (why == null) {
            try {
                return claim();
            } catch (IOException | ReflectiveOperationException | RuntimeException e) {
                why = e.getMessage();
            }
        }
        return new WorkerChannel(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out), 1,
                "protocol kept on stdin/stdout (" + why + ")");
    }

    private static String privateFdsUnavailable() {
        if (!Posix.AVAILABLE) {
            return "no JNA or not Linux";
        }
        try {
            fdField();
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "java.io not opened to this module: start the worker with " + ADD_OPENS;
        }
    }

    private static WorkerChannel claim() throws IOException, ReflectiveOperationException {
        int in = Posix.fcntl(0, Posix.F_DUPFD_CLOEXEC, 3);
        int out = Posix.fcntl(1, Posix.F_DUPFD_CLOEXEC, 3);
        if (in < 0 || out < 0) {
            throw new IOException("fcntl(F_DUPFD_CLOEXEC) failed");
        }
        WorkerChannel channel = new WorkerChannel(new FileInputStream(descriptor(in)),
                new FileOutputStream(descriptor(out)), out, null);
        // From here on the protocol is on the duplicates whatever happens to fd 0 and fd 1.
        try (FileInputStream devNull = new FileInputStream("/dev/null")) {
            boolean moved = Posix.dup2(fdField().getInt(devNull.getFD()), 0) >= 0;
            moved &= Posix.dup2(2, 1) >= 0;
            return moved ? channel : new WorkerChannel(channel.in(), channel.out(), out,
                    "dup2 failed: fd 0 or fd 1 still reaches the coordinator's pipes");
        }
    }

    private static Field fdField() throws NoSuchFieldException {
        Field f = FileDescriptor.class.getDeclaredField("fd");
        f.setAccessible(true);
        return f;
    }

    private static FileDescriptor descriptor(int fd) throws ReflectiveOperationException {
        FileDescriptor d = new FileDescriptor();
        fdField().setInt(d, fd);
        return d;
    }
}
