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

    public static void main(String[] args) throws IOException {
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
                String spec = in.readUTF();
                TaskInput input = new TaskInput(in.readInt(), in.readLong(), in.readLong());
                TaskResult r;
                try {
                    Workload w = workloads.computeIfAbsent(spec, s -> Workloads.create(WorkloadSpec.parse(s)));
                    r = TaskExecution.run(w, input);
                } catch (RuntimeException e) {
                    r = TaskResult.failed(TaskRecord.FAILED, System.nanoTime(), TaskExecution.describe(e));
                }
                writeResult(out, r);
            } else {
                throw new IOException("unknown frame type " + type);
            }
        }
    }

    private static void writeResult(BufferedOutputStream out, TaskResult r) throws IOException {
        long bytes = r.payload() == null ? 0 : r.payload().remaining();
        long crc = bytes == 0 ? 0 : Frames.crc(r.payload());
        Frames.write(out, Frames.RESULT, d -> {
            d.writeBoolean(r.ok());
            d.writeLong(r.startNanos());
            d.writeLong(r.endNanos());
            d.writeLong(r.cpuNanos());
            d.writeLong(r.waitNanos());
            d.writeLong(r.involuntarySwitches());
            d.writeLong(r.checksum());
            d.writeUTF(r.error() == null ? "" : truncate(r.error()));
            d.writeLong(bytes);
            d.writeLong(crc);
        });
        if (bytes > 0) {
            out.flush();
            Frames.writePayload(out, r.payload());
        }
        out.flush();
    }

    private static String truncate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }
}
