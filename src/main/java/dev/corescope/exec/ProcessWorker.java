package dev.corescope.exec;

import dev.corescope.workload.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A worker JVM and the coordinator thread that talks to it. Its clock is mapped onto the
 * coordinator's by pings (the offset of the ping with the shortest round trip). A worker that dies
 * or times out is killed and reported; its task is recorded as failed or timed out.
 */
final class ProcessWorker extends QueuedWorker {
    private static final int PINGS = 5;

    private final Process process;
    private final OutputStream toWorker;
    private final DataInputStream fromWorker;
    private final WorkerInfo info;
    private final long clockOffset;
    private volatile boolean timedOut;

    ProcessWorker(String id, List<String> command, Path log, Duration timeout, ScheduledExecutorService watchdog,
                  Consumer<String> events) {
        super(id + "-io", timeout, watchdog, events);
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new WorkerStartException("cannot start worker JVM: " + e.getMessage(), e);
        }
        toWorker = process.getOutputStream();
        fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        try {
            if (Frames.readType(fromWorker) != Frames.HELLO) {
                throw new IOException("worker did not say hello");
            }
            long pid = fromWorker.readLong();
            long tid = fromWorker.readLong();
            fromWorker.readLong();
            clockOffset = syncClock();
            info = new WorkerInfo(id, pid, tid, System.nanoTime() - t0);
        } catch (IOException e) {
            process.destroyForcibly();
            throw new WorkerStartException("worker JVM " + id + " failed to start: " + e.getMessage()
                    + exitText(), e);
        }
        thread.start();
    }

    /** Offset to add to a worker timestamp to place it on the coordinator's timeline. */
    private long syncClock() throws IOException {
        long bestRtt = Long.MAX_VALUE;
        long offset = 0;
        for (int i = 0; i < PINGS; i++) {
            long sent = System.nanoTime();
            Frames.write(toWorker, Frames.PING, d -> { });
            toWorker.flush();
            if (Frames.readType(fromWorker) != Frames.PONG) {
                throw new IOException("worker answered a ping with something else");
            }
            long workerTime = fromWorker.readLong();
            long received = System.nanoTime();
            long rtt = received - sent;
            if (rtt < bestRtt) {
                bestRtt = rtt;
                offset = sent + rtt / 2 - workerTime;
            }
        }
        return offset;
    }

    @Override
    public WorkerInfo info() {
        return info;
    }

    @Override
    protected TaskResult execute(WorkloadSpec spec, TaskInput input) {
        try {
            String text = spec.text();
            Frames.write(toWorker, Frames.TASK, d -> {
                d.writeUTF(text);
                d.writeInt(input.index());
                d.writeLong(input.size());
                d.writeLong(input.seed());
            });
            toWorker.flush();
            if (Frames.readType(fromWorker) != Frames.RESULT) {
                throw new IOException("unexpected frame from worker");
            }
            boolean ok = fromWorker.readBoolean();
            long start = fromWorker.readLong();
            long end = fromWorker.readLong();
            long cpu = fromWorker.readLong();
            long wait = fromWorker.readLong();
            long invol = fromWorker.readLong();
            long checksum = fromWorker.readLong();
            String error = fromWorker.readUTF();
            long bytes = fromWorker.readLong();
            long crc = fromWorker.readLong();
            ByteBuffer payload = null;
            if (bytes > 0) {
                if (bytes > Integer.MAX_VALUE - 16) {
                    throw new IOException("payload of " + bytes + " bytes exceeds the 2 GiB array limit");
                }
                byte[] data = new byte[(int) bytes];
                fromWorker.readFully(data);
                payload = ByteBuffer.wrap(data).asReadOnlyBuffer();
                if (Frames.crc(payload) != crc) {
                    return new TaskResult(TaskRecord.FAILED, start + clockOffset, end + clockOffset, cpu, wait, invol,
                            checksum, bytes, null, "result payload corrupted in transfer (CRC32C mismatch)");
                }
            }
            return new TaskResult(ok ? TaskRecord.OK : TaskRecord.FAILED, start + clockOffset, end + clockOffset,
                    cpu, wait, invol, checksum, bytes, payload, error.isEmpty() ? null : error);
        } catch (IOException | RuntimeException e) {
            alive = false;
            String why = timedOut ? "killed after timeout" : "worker JVM died: " + e.getMessage() + exitText();
            reportEvent(info.id() + " (pid " + info.pid() + ") " + why);
            process.destroyForcibly();
            return TaskResult.failed(TaskRecord.FAILED, System.nanoTime(), info.id() + " (pid " + info.pid() + ") " + why);
        }
    }

    private String exitText() {
        try {
            if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                return " (exit code " + process.exitValue() + ")";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    @Override
    protected void abort() {
        timedOut = true;
        process.destroyForcibly();
    }

    /** Closes the worker's stdin (it exits on EOF) and terminates it in case it is mid-task. */
    @Override
    protected void release() {
        try {
            toWorker.close();
        } catch (IOException e) {
            // the worker is gone already
        }
        process.destroy();
    }
}
