package dev.corescope.exec;

import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A worker JVM and the coordinator thread that talks to it. Its clock is mapped onto the
 * coordinator's by pings (the offset of the ping with the shortest round trip). A worker that does
 * not say hello within its start timeout, dies, sends a malformed frame or times out is killed and
 * reported; its task is recorded as failed or timed out.
 */
final class ProcessWorker extends QueuedWorker {
    private static final int PINGS = 5;

    private final Process process;
    private final OutputStream toWorker;
    private final DataInputStream fromWorker;
    private final WorkerInfo info;
    private final long clockOffset;
    private volatile boolean timedOut;

    /**
     * Waits for the started worker's hello (skipping what its JVM printed before it into {@code log})
     * and syncs its clock; kills it when that takes longer than {@code startTimeout}.
     *
     * @param t0 when the worker's start began (its start cost is measured from there)
     * @throws WorkerStartException when the worker does not become ready
     */
    ProcessWorker(String id, Process process, long t0, Path log, Duration timeout, Duration startTimeout,
                  ScheduledExecutorService watchdog, Consumer<String> events) {
        super(id + "-io", timeout, watchdog, events);
        this.process = process;
        toWorker = process.getOutputStream();
        fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> guard;
        try {
            guard = watchdog.schedule(() -> {
                late.set(true);
                process.destroyForcibly();
            }, startTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            process.destroyForcibly();
            throw new WorkerStartException("worker JVM " + id + " not started: the pool is closed", e);
        }
        try {
            ByteArrayOutputStream noise = new ByteArrayOutputStream();
            try {
                Frames.awaitSync(fromWorker, Frames.MAX_NOISE, noise);
            } finally {
                keepNoise(log, id, noise);
            }
            Frames.Frame hello = Frames.read(fromWorker);
            if (hello.type() != Frames.HELLO) {
                throw new IOException("worker did not say hello");
            }
            Frames.Reader body = hello.body();
            long pid = body.readLong();
            long tid = body.readLong();
            body.readLong(); // the worker's clock: the pings below map it
            clockOffset = syncClock();
            info = new WorkerInfo(id, pid, tid, System.nanoTime() - t0);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            String why = late.get()
                    ? " did not say hello within " + seconds(startTimeout) + " and was killed (pid " + process.pid() + ")"
                    : " failed to start: " + e.getMessage() + exitText() + WorkerLog.said(log);
            throw new WorkerStartException("worker JVM " + id + why, e);
        } finally {
            guard.cancel(false);
        }
        thread.start();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** What the worker's JVM printed on the protocol output before its hello goes to the worker log. */
    private static void keepNoise(Path log, String id, ByteArrayOutputStream noise) {
        if (log == null || noise.size() == 0) {
            return;
        }
        try (OutputStream o = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            o.write(("[corescope: " + id + " printed " + noise.size() + " bytes on stdout before its hello]\n")
                    .getBytes(StandardCharsets.UTF_8));
            noise.writeTo(o);
            o.write('\n');
        } catch (IOException e) {
            // the log is a courtesy
        }
    }

    /** Offset to add to a worker timestamp to place it on the coordinator's timeline ({@link ClockSync}). */
    private long syncClock() throws IOException {
        return ClockSync.measure(PINGS, () -> {
            Frames.write(toWorker, Frames.PING, d -> { });
            toWorker.flush();
            Frames.Frame pong = Frames.read(fromWorker);
            if (pong.type() != Frames.PONG) {
                throw new IOException("worker answered a ping with something else");
            }
            return pong.body().readLong();
        }).offsetNanos();
    }

    @Override
    public WorkerInfo info() {
        return info;
    }

    @Override
    protected TaskResult execute(WorkloadSpec spec, TaskInput input) {
        byte[] task;
        try {
            String text = spec.text();
            task = Frames.encode(Frames.TASK, d -> {
                Frames.writeString(d, text);
                d.writeInt(input.index());
                d.writeLong(input.size());
                d.writeLong(input.seed());
            });
        } catch (IOException e) {
            // nothing was sent: the worker is fine
            return TaskResult.failed(TaskStatus.FAILED, System.nanoTime(), "the task cannot be sent to a worker JVM: "
                    + e.getMessage() + " (the workload spec is " + spec.text().length() + " characters)");
        }
        try {
            long sent = System.nanoTime();
            toWorker.write(task);
            toWorker.flush();
            return readResult(fromWorker, clockOffset, sent, Frames.payloadCap());
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            alive = false;
            String why;
            if (timedOut) {
                why = "killed after timeout";
            } else {
                String exit = exitText(); // waits briefly for the process to end
                // still alive: its stream cannot be trusted any more (a corrupt frame, a payload over the cap)
                why = (exit.isEmpty() ? "worker JVM killed: " : "worker JVM died: ") + e.getMessage() + exit;
            }
            process.destroyForcibly();
            reportEvent(info.id() + " (pid " + info.pid() + ") " + why);
            return TaskResult.failed(TaskStatus.FAILED, System.nanoTime(), info.id() + " (pid " + info.pid() + ") " + why);
        }
    }

    /**
     * Reads one result (header frame, payload into one array, write-end stamp) and checks the payload's
     * CRC32C after the last byte has arrived. A corrupted payload gives a failed result; a truncated
     * stream, a malformed header or a payload length over {@code maxPayload} (checked before the array is
     * allocated) throws.
     *
     * @param clockOffset added to worker timestamps to put them on this JVM's clock
     * @param sent        when the task frame was sent (this JVM's clock)
     * @param maxPayload  the most payload bytes accepted ({@link Frames#payloadCap()})
     */
    static TaskResult readResult(DataInputStream in, long clockOffset, long sent, long maxPayload) throws IOException {
        Frames.Frame frame = Frames.read(in);
        if (frame.type() != Frames.RESULT) {
            throw new IOException("unexpected frame from worker (type " + frame.type() + ")");
        }
        long headerArrived = System.nanoTime();
        Frames.Reader h = frame.body();
        boolean ok = h.readBoolean();
        long received = h.readLong() + clockOffset;
        long start = h.readLong() + clockOffset;
        long end = h.readLong() + clockOffset;
        long cpu = h.readLong();
        long wait = h.readLong();
        long invol = h.readLong();
        long checksum = h.readLong();
        String error = h.readString();
        long bytes = h.readLong();
        long crc = h.readLong();
        long workerCrcNanos = h.readLong();
        long writeStart = h.readLong() + clockOffset;
        JvmActivity jvm = new JvmActivity(h.readLong(), h.readLong(), h.readLong());
        if (bytes < 0 || bytes > maxPayload) {
            throw new IOException("corrupt result header: payload length " + bytes + " (the limit is " + maxPayload
                    + " bytes: one Java array, at most half the coordinator's heap)");
        }
        byte[] data = null;
        if (bytes > 0) {
            try {
                data = new byte[(int) bytes];
            } catch (OutOfMemoryError e) {
                throw new IOException("a result payload of " + bytes + " bytes does not fit in the coordinator's heap now");
            }
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
            return new TaskResult(TaskStatus.FAILED, start, end, cpu, wait, invol, checksum, bytes, null,
                    "result payload corrupted in transfer (CRC32C mismatch)", timeline).withJvm(jvm);
        }
        return new TaskResult(ok ? TaskStatus.OK : TaskStatus.FAILED, start, end, cpu, wait, invol, checksum, bytes,
                payload, error.isEmpty() ? null : error, timeline).withJvm(jvm);
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
    protected String abort() {
        timedOut = true;
        process.destroyForcibly();
        return "was killed";
    }

    /** Closes the worker's stdin (it exits on EOF) and terminates it in case it is mid-task. */
    @Override
    protected void release() {
        try {
            toWorker.close();
        } catch (IOException e) {
            // the worker is gone already
        }
        Runnable after = afterExit;
        if (after == null || timedOut) {
            process.destroy();
            return;
        }
        // it exits at the end of its input, writing its class-data archive: every caller (the closing thread and
        // the worker's own loop) waits for that, one of them installs the archive
        if (released.compareAndSet(false, true)) {
            try {
                if (!process.waitFor(exitGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            after.run();
            exited.complete(null);
        } else {
            try {
                exited.get(exitGrace.toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private volatile Runnable afterExit;
    private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.CompletableFuture<Void> exited = new java.util.concurrent.CompletableFuture<>();
    private volatile java.time.Duration exitGrace;

    /**
     * When released in good health, the worker may exit on its own (at most {@code grace}, then it is
     * killed), and {@code after} runs once it has: a worker that dumps a class-data archive at exit must not
     * be killed. Closing the pool waits for it; this happens once, the first time corescope runs.
     */
    void whenExited(java.time.Duration grace, Runnable after) {
        exitGrace = grace;
        afterExit = after;
    }
}
