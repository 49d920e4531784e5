package dev.corescope.experiment;

import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.TaskRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The batches of a session: those that finished, in the order they ran, and for each one running what
 * it has recorded so far, so that a partial summary (Ctrl-C) covers the running batch too. A batch cut
 * short (its pool closed under it) stays with what it recorded. Thread-safe.
 */
final class Batches {
    private final List<BatchResult> finished = new ArrayList<>();
    /** Batches being run, by (experiment, level, trial). */
    private final Map<String, InFlight> running = new HashMap<>();

    synchronized void started(BatchPlan plan, long now) {
        running.put(key(plan.experiment(), plan.level(), plan.trial()), new InFlight(plan, now));
    }

    /** A record of a running batch, written at {@code now}. */
    synchronized void recorded(TaskRecord r, long now) {
        InFlight f = running.get(key(r.experiment(), r.level(), r.trial()));
        if (f != null) {
            f.records.add(r);
            f.end = Math.max(f.end, now);
        }
    }

    synchronized void finished(BatchResult r) {
        finished.add(r);
        running.remove(key(r.plan().experiment(), r.plan().level(), r.plan().trial()));
    }

    /** The batch ended abnormally: what it recorded becomes a batch. */
    synchronized void cutShort(BatchPlan plan) {
        InFlight f = running.remove(key(plan.experiment(), plan.level(), plan.trial()));
        BatchResult partial = f == null ? null : f.soFar();
        if (partial != null) {
            finished.add(partial);
        }
    }

    synchronized List<BatchResult> finished() {
        return List.copyOf(finished);
    }

    /** The finished batches and what each running one has recorded so far. */
    synchronized List<BatchResult> soFar() {
        List<BatchResult> all = new ArrayList<>(finished);
        for (InFlight f : running.values()) {
            BatchResult partial = f.soFar();
            if (partial != null) {
                all.add(partial);
            }
        }
        return all;
    }

    private static String key(String experiment, int level, int trial) {
        return experiment + "\u0000" + level + "\u0000" + trial;
    }

    /** A batch being run: its plan and the records it has produced so far. */
    private static final class InFlight {
        final BatchPlan plan;
        final long start;
        long end;
        final List<TaskRecord> records = new ArrayList<>();

        InFlight(BatchPlan plan, long start) {
            this.plan = plan;
            this.start = start;
            this.end = start;
        }

        /** What the batch has recorded so far (its span ends at its last record), or null when nothing. */
        BatchResult soFar() {
            if (records.isEmpty()) {
                return null;
            }
            List<TaskRecord> sorted = new ArrayList<>(records);
            sorted.sort((a, b) -> Integer.compare(a.taskIndex(), b.taskIndex()));
            // workers may have been started before the first task: the span begins with it
            long first = sorted.stream().mapToLong(TaskRecord::startNanos).min().orElse(start);
            return new BatchResult(plan, Math.max(start, Math.min(first, end)), end, sorted);
        }
    }
}
