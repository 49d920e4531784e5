package dev.corescope.exec;

import dev.corescope.workload.TaskInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executes {@link BatchPlan}s on a {@link WorkerPool}: turns each {@link TaskResult} into a
 * {@link TaskRecord}, hands it to the sink the moment it arrives, and measures the batch's span. A pool
 * that runs whole batches itself (a simulated machine's, {@link BatchExecutor}) is handed the plan, and
 * what it reports is recorded the same way.
 */
public final class BatchRunner {
    private final WorkerPool pool;
    private final RunClock clock;
    private final RecordSink sink;
    private final String runId;
    /** When the last result of the current batch arrived: the batch ends there, not after record I/O. */
    private final java.util.concurrent.atomic.AtomicLong lastArrival = new java.util.concurrent.atomic.AtomicLong();

    public BatchRunner(WorkerPool pool, RunClock clock, RecordSink sink, String runId) {
        this.pool = pool;
        this.clock = clock;
        this.sink = sink;
        this.runId = runId;
    }

    public WorkerPool pool() {
        return pool;
    }

    public BatchResult run(BatchPlan plan) {
        pool.ensure(plan.firstWorker() + plan.level());
        List<TaskRecord> records = Collections.synchronizedList(new ArrayList<>());
        long start = clock.now();
        lastArrival.set(start);
        if (pool instanceof BatchExecutor whole) {
            for (BatchExecutor.Ran r : whole.execute(plan)) {
                lastArrival.accumulateAndGet(clock.toRun(r.arrivedNanos()), Math::max);
                record(plan, r.round(), r.task(), r.worker(), r.cpu(), r.submittedNanos(), r.result(), records);
            }
        } else if (plan.strategy() == Strategy.ROUNDS) {
            runRounds(plan, records);
        } else {
            runQueue(plan, records);
        }
        long end = lastArrival.get();
        List<TaskRecord> sorted = new ArrayList<>(records);
        sorted.sort((a, b) -> Integer.compare(a.taskIndex(), b.taskIndex()));
        return new BatchResult(plan, start, end, sorted);
    }

    private void runRounds(BatchPlan plan, List<TaskRecord> records) {
        int next = 0;
        int round = 0;
        for (int size : RoundsPlan.roundSizes(plan.tasks().size(), plan.level())) {
            List<CompletableFuture<TaskRecord>> inRound = new ArrayList<>();
            for (int w = 0; w < size; w++) {
                inRound.add(submit(plan, w, round, plan.tasks().get(next++), records));
            }
            CompletableFuture.allOf(inRound.toArray(CompletableFuture[]::new)).join();
            round++;
        }
    }

    private void runQueue(BatchPlan plan, List<TaskRecord> records) {
        AtomicInteger next = new AtomicInteger();
        int workers = Math.min(plan.level(), Math.max(1, plan.tasks().size()));
        List<CompletableFuture<Void>> chains = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            chains.add(pull(plan, w, next, records));
        }
        CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<Void> pull(BatchPlan plan, int worker, AtomicInteger next, List<TaskRecord> records) {
        int i = next.getAndIncrement();
        if (i >= plan.tasks().size()) {
            return CompletableFuture.completedFuture(null);
        }
        return submit(plan, worker, 0, plan.tasks().get(i), records)
                .thenCompose(r -> pull(plan, worker, next, records));
    }

    private CompletableFuture<TaskRecord> submit(BatchPlan plan, int workerIndex, int round, TaskInput task,
                                                 List<TaskRecord> records) {
        int slot = plan.firstWorker() + workerIndex;
        Worker worker = pool.worker(slot);
        WorkerInfo info = worker.info();
        int cpu = pool.cpuOf(slot);
        long submitted = System.nanoTime();
        return worker.submit(plan.workload(), task).thenApply(r -> {
            long arrived = clock.now();
            lastArrival.accumulateAndGet(arrived, Math::max);
            return record(plan, round, task, info, cpu, submitted, r, records);
        });
    }

    private TaskRecord record(BatchPlan plan, int round, TaskInput task, WorkerInfo info, int cpu, long submitted,
                              TaskResult r, List<TaskRecord> records) {
        TaskRecord rec = new TaskRecord(
                new TaskRecord.Task(runId, plan.experiment(), plan.level(), plan.trial(), round, task.index(),
                        task.size()),
                new TaskRecord.Ran(info.id(), info.pid(), info.tid(), r.node(), cpu < 0 ? null : cpu),
                new TaskRecord.Timing(clock.toRun(r.startNanos()), clock.toRun(r.endNanos()), r.wallNanos(),
                        r.cpuNanos(), r.waitNanos(), r.involuntarySwitches()),
                new TaskRecord.Outcome(r.bytes(), r.checksum(), r.status(), r.error()), transfer(r, submitted),
                r.jvm().gcCount() < 0 && r.jvm().jitMillis() < 0 ? null : r.jvm());
        records.add(rec);
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
