package dev.corescope.exec;

import dev.corescope.api.TaskInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Executes {@link BatchPlan}s on a {@link WorkerPool}: turns each {@link TaskResult} into a
 * {@link TaskRecord} (marked disturbed by {@link Disturbance}), hands it to the sink the moment it arrives,
 * keeps the workers busy with unrecorded fillers where the plan asks, and measures the batch's span and how
 * full its workers were ({@link BatchResult.FillerOccupancy}).
 * A pool that runs whole batches itself (a simulated machine's, {@link BatchExecutor}) is handed the plan, and
 * what it reports is recorded the same way.
 */
public final class BatchRunner {
    private final WorkerPool pool;
    private final RunClock clock;
    private final RecordSink sink;
    private final String runId;
    /** When the last result of the current batch arrived: the batch ends there, not after record I/O. */
    private final AtomicLong lastArrival = new AtomicLong();

    public BatchRunner(WorkerPool pool, RunClock clock, RecordSink sink, String runId) {
        this.pool = pool;
        this.clock = clock;
        this.sink = sink;
        this.runId = runId;
    }

    public WorkerPool pool() {
        return pool;
    }

    /** What one batch collects while it runs. */
    private static final class BatchCollected {
        final List<TaskRecord> records = Collections.synchronizedList(new ArrayList<>());
        /** {start, end, measured ? 1 : 0} of every task that ran, fillers included (worker-reported times). */
        final List<long[]> spans = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger fillers = new AtomicInteger();
        final AtomicLong fillerCpu = new AtomicLong();
        final AtomicInteger outstanding;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger nextFiller = new AtomicInteger();

        BatchCollected(int tasks) {
            outstanding = new AtomicInteger(tasks);
        }
    }

    public BatchResult run(BatchPlan plan) {
        pool.ensure(plan.firstWorker() + plan.level());
        BatchCollected run = new BatchCollected(plan.tasks().size());
        long start = clock.now();
        lastArrival.set(start);
        if (pool instanceof BatchExecutor whole) {
            for (BatchExecutor.Ran r : whole.execute(plan)) {
                lastArrival.accumulateAndGet(clock.toRun(r.arrivedNanos()), Math::max);
                if (r.filler()) {
                    filled(run, r.result());
                } else {
                    record(plan, r.round(), r.task(), r.worker(), r.cpu(), r.submittedNanos(), r.result(), run);
                }
            }
        } else if (plan.strategy() == Strategy.ROUNDS) {
            runRounds(plan, run);
        } else {
            runQueue(plan, run);
        }
        long end = lastArrival.get();
        List<TaskRecord> sorted = new ArrayList<>(run.records);
        sorted.sort((a, b) -> Integer.compare(a.taskIndex(), b.taskIndex()));
        BatchResult.FillerOccupancy occupancy = new BatchResult.FillerOccupancy(run.fillers.get(),
                run.fillers.get() == 0 ? 0 : run.fillerCpu.get(), Occupancies.of(run.spans, plan.level()));
        return new BatchResult(plan, start, end, sorted, occupancy);
    }

    private void runRounds(BatchPlan plan, BatchCollected run) {
        int next = 0;
        int round = 0;
        for (int size : RoundsPlan.roundSizes(plan.tasks().size(), plan.level())) {
            List<CompletableFuture<TaskRecord>> inRound = new ArrayList<>();
            for (int w = 0; w < size; w++) {
                inRound.add(submit(plan, w, round, plan.tasks().get(next++), run));
            }
            pool.awaitTasks(CompletableFuture.allOf(inRound.toArray(CompletableFuture[]::new)));
            round++;
        }
    }

    private void runQueue(BatchPlan plan, BatchCollected run) {
        int n = plan.tasks().size();
        boolean fill = plan.fill() && n > 0;
        int workers = fill ? plan.level() : Math.min(plan.level(), Math.max(1, n));
        List<CompletableFuture<Void>> chains = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            chains.add(pull(plan, w, run, fill));
        }
        pool.awaitTasks(CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)));
    }

    /** The worker's next measured task; when none is left, a filler while measured tasks still run. */
    private CompletableFuture<Void> pull(BatchPlan plan, int worker, BatchCollected run, boolean fill) {
        int i = run.next.getAndIncrement();
        if (i < plan.tasks().size()) {
            return submit(plan, worker, 0, plan.tasks().get(i), run).thenCompose(r -> pull(plan, worker, run, fill));
        }
        if (!fill || run.outstanding.get() <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        TaskInput filler = plan.tasks().get(run.nextFiller.getAndIncrement() % plan.tasks().size());
        Worker w = pool.worker(plan.firstWorker() + worker);
        return w.submit(plan.workload(), filler).thenCompose(r -> {
            filled(run, r);
            // a filler that failed ends this worker's filling: a broken worker must not spin on instant failures
            return r.status() == TaskStatus.OK ? pull(plan, worker, run, fill) : CompletableFuture.completedFuture(null);
        });
    }

    /** An unrecorded filler task ended: its CPU time and span count towards the batch's occupancy. */
    private static void filled(BatchCollected run, TaskResult r) {
        run.fillers.incrementAndGet();
        if (r.cpuNanos() >= 0) {
            run.fillerCpu.addAndGet(r.cpuNanos());
        }
        if (r.status() == TaskStatus.OK && r.endNanos() >= r.startNanos()) {
            run.spans.add(new long[] {r.startNanos(), r.endNanos(), 0});
        }
    }

    private CompletableFuture<TaskRecord> submit(BatchPlan plan, int workerIndex, int round, TaskInput task, BatchCollected run) {
        int slot = plan.firstWorker() + workerIndex;
        Worker worker = pool.worker(slot);
        WorkerInfo info = worker.info();
        int cpu = pool.cpuOf(slot);
        long submitted = System.nanoTime();
        return worker.submit(plan.workload(), task).thenApply(r -> {
            long arrived = clock.now();
            lastArrival.accumulateAndGet(arrived, Math::max);
            return record(plan, round, task, info, cpu, submitted, r, run);
        });
    }

    private TaskRecord record(BatchPlan plan, int round, TaskInput task, WorkerInfo info, int cpu, long submitted,
                              TaskResult r, BatchCollected run) {
        TaskRecord rec = new TaskRecord(
                new TaskRecord.Task(runId, plan.experiment(), plan.level(), plan.trial(), round, task.index(),
                        task.size()),
                new TaskRecord.Ran(info.id(), info.pid(), info.tid(), r.node(), cpu < 0 ? null : cpu),
                new TaskRecord.Timing(clock.toRun(r.startNanos()), clock.toRun(r.endNanos()), r.wallNanos(),
                        r.cpuNanos(), r.waitNanos(), r.involuntarySwitches()),
                new TaskRecord.TaskOutcome(r.bytes(), r.checksum(), r.status(), r.error()), transfer(r, submitted),
                r.jvm().gcCount() < 0 && r.jvm().jitMillis() < 0 ? null : r.jvm(),
                r.status() == TaskStatus.OK ? Disturbance.of(r.wallNanos(), r.waitNanos()) : null);
        if (r.status() == TaskStatus.OK && r.endNanos() >= r.startNanos()) {
            run.spans.add(new long[] {r.startNanos(), r.endNanos(), 1});
        }
        run.records.add(rec);
        run.outstanding.decrementAndGet();
        sink.accept(rec);
        return rec;
    }

    /**
     * The record's overhead split: a worker JVM's round-trip timeline when there is one; for an
     * in-process task (thread worker) only the dispatch (submission → task start) is real, and
     * serialization, transfer and deserialization are 0 since the result is handed over by reference.
     * Null when the task did not run (failed before starting).
     */
    static TransferTiming transfer(TaskResult r, long submittedNanos) {
        TransferTiming t = r.transferTiming();
        if (t != null) {
            return t;
        }
        if (r.cpuNanos() < 0 || r.startNanos() < submittedNanos) {
            return null;
        }
        return new TransferTiming(r.startNanos() - submittedNanos, 0, 0, 0);
    }
}
