package dev.corescope.exec;

import dev.corescope.workload.TaskInput;
import dev.corescope.workload.Workload;
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
 * Entry point of a worker JVM: reads task frames on stdin, runs them on its main thread, writes
 * result frames on stdout. {@code System.out} is redirected to stderr so that a stray print in a
 * workload cannot corrupt a frame. Exits when stdin closes, so a dead coordinator leaves no orphans.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    /** System property naming the CPU a worker JVM pins its task thread to. */
    public static final String CPU_PROPERTY = "corescope.cpu";

    public static void main(String[] args) throws IOException {
        String cpu = System.getProperty(CPU_PROPERTY);
        if (cpu != null && !Affinity.pinCurrentThread(Integer.parseInt(cpu))) {
            System.err.println("corescope worker: could not pin to CPU " + cpu);
        }
        widenPipe();
        OutputStream raw = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        BufferedOutputStream out = new BufferedOutputStream(raw, 1 << 16);
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        long pid = ProcessHandle.current().pid();
        long tid = ThreadStats.currentTid();
        Frames.write(out, Frames.HELLO, d -> {
            d.writeLong(pid);
            d.writeLong(tid);
            d.writeLong(System.nanoTime());
        });
        out.flush();
        Map<String, Workload> workloads = new HashMap<>();
        while (true) {
            byte type;
            try {
                type = Frames.readType(in);
            } catch (EOFException e) {
                return;
            }
            if (type == Frames.PING) {
                long now = System.nanoTime();
                Frames.write(out, Frames.PONG, d -> d.writeLong(now));
                out.flush();
            } else if (type == Frames.TASK) {
                long received = System.nanoTime();
                String spec = in.readUTF();
                TaskInput input = new TaskInput(in.readInt(), in.readLong(), in.readLong());
                TaskResult r;
                try {
                    Workload w = workloads.computeIfAbsent(spec, s -> Workloads.create(WorkloadSpec.parse(s)));
                    r = TaskExecution.run(w, input);
                } catch (RuntimeException e) {
                    r = TaskResult.failed(TaskRecord.FAILED, System.nanoTime(), TaskExecution.describe(e));
                }
                writeResult(out, raw, r, received);
            } else {
                throw new IOException("unknown frame type " + type);
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
            d.writeUTF(r.error() == null ? "" : truncate(r.error()));
            d.writeLong(bytes);
            d.writeLong(crc);
            d.writeLong(crcNanos);
            d.writeLong(writeStart);
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

    /** fcntl(2) from the C library, through JNA (already on the classpath for OSHI). */
    interface LibC extends com.sun.jna.Library {
        int fcntl(int fd, int cmd, int arg);
    }

    static final int F_SETPIPE_SZ = 1031;
    static final int F_GETPIPE_SZ = 1032;
    static final int PIPE_BYTES = 1 << 20;

    /**
     * Asks Linux for a 1 MiB stdout pipe (the default is 64 KiB; {@code /proc/sys/fs/pipe-max-size} is
     * the unprivileged cap, 1 MiB by default): each read and write then moves up to 1 MiB, 16x fewer
     * system calls and wake-ups per result. Best effort: elsewhere, or if refused, the default stays.
     *
     * @return the pipe's size afterwards, or -1 when it could not be asked
     */
    static int widenPipe() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return -1;
        }
        try {
            LibC c = com.sun.jna.Native.load("c", LibC.class);
            c.fcntl(1, F_SETPIPE_SZ, PIPE_BYTES);
            return c.fcntl(1, F_GETPIPE_SZ, 0);
        } catch (Throwable e) {
            return -1; // JNA missing or stdout not a pipe: keep the default
        }
    }

    private static String truncate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }
}
