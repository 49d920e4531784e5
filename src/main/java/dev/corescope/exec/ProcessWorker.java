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
    /** Largest payload one result can carry: one Java array (the VM refuses slightly less than 2^31). */
    static final long MAX_PAYLOAD = Integer.MAX_VALUE - 8;

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
            long sent = System.nanoTime();
            Frames.write(toWorker, Frames.TASK, d -> {
                d.writeUTF(text);
                d.writeInt(input.index());
                d.writeLong(input.size());
                d.writeLong(input.seed());
            });
            toWorker.flush();
            return readResult(fromWorker, clockOffset, sent);
        } catch (IOException | RuntimeException e) {
            alive = false;
            String why = timedOut ? "killed after timeout" : "worker JVM died: " + e.getMessage() + exitText();
            reportEvent(info.id() + " (pid " + info.pid() + ") " + why);
            process.destroyForcibly();
            return TaskResult.failed(TaskRecord.FAILED, System.nanoTime(), info.id() + " (pid " + info.pid() + ") " + why);
        }
    }

    /**
     * Reads one result (header frame, payload into one array, write-end stamp) and checks the payload's
     * CRC32C after the last byte has arrived. A corrupted payload gives a failed result; a truncated
     * stream or a malformed header throws.
     *
     * @param clockOffset added to worker timestamps to put them on this JVM's clock
     * @param sent        when the task frame was sent (this JVM's clock)
     */
    static TaskResult readResult(DataInputStream in, long clockOffset, long sent) throws IOException {
        if (Frames.readType(in) != Frames.RESULT) {
            throw new IOException("unexpected frame from worker");
        }
        long headerArrived = System.nanoTime();
        boolean ok = in.readBoolean();
        long received = in.readLong() + clockOffset;
        long start = in.readLong() + clockOffset;
        long end = in.readLong() + clockOffset;
        long cpu = in.readLong();
        long wait = in.readLong();
        long invol = in.readLong();
        long checksum = in.readLong();
        String error = in.readUTF();
        long bytes = in.readLong();
        long crc = in.readLong();
        long workerCrcNanos = in.readLong();
        long writeStart = in.readLong() + clockOffset;
        if (bytes < 0 || bytes > MAX_PAYLOAD) {
            throw new IOException("corrupt result header: payload length " + bytes + " (the limit is one Java array, "
                    + MAX_PAYLOAD + " bytes)");
        }
        byte[] data = bytes == 0 ? null : new byte[(int) bytes];
        if (data != null) {
            Frames.readPayload(in, data);
        }
        long writeEnd = in.readLong() + clockOffset;
        long payloadRead = System.nanoTime();
        ByteBuffer payload = null;
        boolean intact = true;
        if (data != null) {
            payload = ByteBuffer.wrap(data).asReadOnlyBuffer();
            intact = Frames.crc(payload) == crc;
        }
        long usable = System.nanoTime();
        TaskResult.Timeline timeline = new TaskResult.Timeline(sent, received, start, end, writeStart, writeEnd,
                headerArrived, payloadRead, usable, workerCrcNanos, usable - payloadRead);
        if (!intact) {
            return new TaskResult(TaskRecord.FAILED, start, end, cpu, wait, invol, checksum, bytes, null,
                    "result payload corrupted in transfer (CRC32C mismatch)", timeline);
        }
        return new TaskResult(ok ? TaskRecord.OK : TaskRecord.FAILED, start, end, cpu, wait, invol, checksum, bytes,
                payload, error.isEmpty() ? null : error, timeline);
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
