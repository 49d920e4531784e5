package dev.corescope.exec;

import dev.corescope.exec.pin.PinScope;
import dev.corescope.api.TaskInput;
import dev.corescope.api.Workload;
import dev.corescope.workload.WorkloadSpec;
import dev.corescope.workload.Workloads;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Entry point of a worker JVM: reads task frames, runs them on its main thread, writes result frames,
 * all over private descriptors ({@link WorkerChannel}): fd 1 then goes to stderr, so nothing printed
 * by the JVM, native code or a child process can corrupt a frame. The worker asks the kernel to kill
 * it when its coordinator dies ({@code PR_SET_PDEATHSIG}, even after a SIGKILL of the coordinator),
 * and it exits when its protocol input closes: no orphans.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    /** System property with the coordinator's pid: a worker whose parent is already gone exits. */
    static final String PARENT_PROPERTY = "corescope.parent";
    /** Longest error text sent back with a result (characters). */
    static final int MAX_ERROR = 2000;

    public static void main(String[] args) throws IOException {
        WorkerChannel channel = WorkerChannel.open();
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        if (channel.note() != null) {
            System.err.println("corescope worker: " + channel.note());
        }
        OutputStream raw = channel.out();
        BufferedOutputStream out = new BufferedOutputStream(raw, 1 << 16);
        DataInputStream in = new DataInputStream(new BufferedInputStream(channel.in(), 1 << 16));
        long pid = ProcessHandle.current().pid();
        long tid = ThreadStats.currentTid();
        Frames.writeSync(out);
        Frames.write(out, Frames.HELLO, d -> {
            d.writeLong(pid);
            d.writeLong(tid);
            d.writeLong(System.nanoTime());
        });
        out.flush();
        ThreadStats.deferNative();
        nativeSetUp(channel, Long.getLong(PARENT_PROPERTY, -1L));
        Map<String, Workload> workloads = new HashMap<>();
        while (true) {
            Frames.Frame frame;
            try {
                frame = Frames.read(in);
            } catch (EOFException e) {
                return;
            }
            if (frame.type() == Frames.PING) {
                long now = System.nanoTime();
                Frames.write(out, Frames.PONG, d -> d.writeLong(now));
                out.flush();
            } else if (frame.type() == Frames.TASK) {
                long received = System.nanoTime();
                Frames.Reader body = frame.body();
                String spec = body.readString();
                TaskInput input = new TaskInput(body.readInt(), body.readLong(), body.readLong());
                TaskResult r;
                try {
                    Workload w = workloads.computeIfAbsent(spec, s -> Workloads.create(WorkloadSpec.parse(s)));
                    r = TaskExecution.run(w, input);
                } catch (RuntimeException e) {
                    r = TaskResult.failed(TaskStatus.FAILED, System.nanoTime(), TaskExecution.describe(e));
                }
                writeResult(out, raw, r, received);
            } else {
                throw new IOException("unknown frame type " + frame.type());
            }
        }
    }

    /**
     * Writes one result: header frame (with the payload's CRC32C, computed first, and the worker's
     * timestamps), the payload's bytes straight from the workload's buffer to {@code raw}, then the
     * 8-byte write-end stamp.
     *
     * @param out      buffered stream over {@code raw}, for the small header and stamp
     * @param raw      the unbuffered stream the payload goes to (after {@code out} is flushed)
     * @param received when the task frame was read (worker clock)
     */
    static void writeResult(OutputStream out, OutputStream raw, TaskResult r, long received) throws IOException {
        long bytes = r.payload() == null ? 0 : r.payload().remaining();
        long crcStart = System.nanoTime();
        long crc = bytes == 0 ? 0 : Frames.crc(r.payload());
        long writeStart = System.nanoTime();
        long crcNanos = writeStart - crcStart;
        Frames.write(out, Frames.RESULT, d -> {
            d.writeBoolean(r.ok());
            d.writeLong(received);
            d.writeLong(r.startNanos());
            d.writeLong(r.endNanos());
            d.writeLong(r.cpuNanos());
            d.writeLong(r.waitNanos());
            d.writeLong(r.involuntarySwitches());
            d.writeLong(r.checksum());
            Frames.writeString(d, r.error() == null ? "" : truncate(r.error()));
            d.writeLong(bytes);
            d.writeLong(crc);
            d.writeLong(crcNanos);
            d.writeLong(writeStart);
            d.writeLong(r.jvm().gcCount());
            d.writeLong(r.jvm().gcMillis());
            d.writeLong(r.jvm().jitMillis());
        });
        if (bytes > 0) {
            out.flush();
            Frames.writePayload(raw, r.payload());
        }
        writeLong(out, System.nanoTime());
        out.flush();
    }

    private static void writeLong(OutputStream out, long v) throws IOException {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift));
        }
    }

    /**
     * What needs native calls, off the path to the hello frame (loading JNA takes 100-200 ms here), on a
     * daemon thread that then stays alive: the kernel keeps a parent-death signal only while the thread that
     * asked for it lives. It asks to be killed with the coordinator ({@code PR_SET_PDEATHSIG}; exits now if
     * it is gone already: until then a worker whose coordinator dies exits at the end of its input), loads
     * the per-task thread counters ({@link ThreadStats#loadNative}; until then a task's involuntary switches
     * read as unknown) and widens the protocol pipe.
     */
    static void nativeSetUp(WorkerChannel channel, long parent) {
        Thread t = new Thread(() -> {
            if (!Posix.dieWithParent(parent)) {
                System.err.println("corescope worker: the coordinator is gone; exiting");
                System.exit(1);
            }
            ThreadStats.loadNative();
            int fd = channel.outFd();
            if (fd >= 0) {
                widenPipe(fd);
            }
            while (true) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    // stay: the parent-death signal lives with this thread
                }
            }
        }, "corescope-native-setup");
        t.setDaemon(true);
        t.start();
    }

    static final int PIPE_BYTES = 1 << 20;

    /**
     * Asks Linux for a 1 MiB protocol pipe (the default is 64 KiB; {@code /proc/sys/fs/pipe-max-size} is
     * the unprivileged cap, 1 MiB by default): each read and write then moves up to 1 MiB, 16x fewer
     * system calls and wake-ups per result. Best effort: elsewhere, or if refused, the default stays.
     *
     * @param fd the descriptor of the protocol output
     * @return the pipe's size afterwards, or -1 when it could not be asked
     */
    static int widenPipe(int fd) {
        if (!Posix.AVAILABLE) {
            return -1;
        }
        try {
            Posix.fcntl(fd, Posix.F_SETPIPE_SZ, PIPE_BYTES);
            return Posix.fcntl(fd, Posix.F_GETPIPE_SZ, 0);
        } catch (Throwable e) {
            return -1; // the output is not a pipe: keep the default
        }
    }

    private static String truncate(String s) {
        if (s.length() <= MAX_ERROR) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(MAX_ERROR - 1)) ? MAX_ERROR - 1 : MAX_ERROR;
        return s.substring(0, end);
    }
}
