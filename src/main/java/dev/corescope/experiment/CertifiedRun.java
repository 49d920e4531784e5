package dev.corescope.experiment;

import dev.corescope.analysis.DistributionComparison.Criteria;
import dev.corescope.analysis.DistributionComparison;
import dev.corescope.analysis.Verdict;
import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.JvmActivity;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskRecord;
import dev.corescope.workload.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Runs one algorithm's tasks at a level and proves, within the same run, that the level added no bias
 * and no noise: one-worker controls of the same tasks are interleaved at random moments
 * ({@link ControlPlan}), and the parallel times are compared with them ({@link DistributionComparison},
 * stratified by size). Under {@link Policy#STEP_DOWN} ({@code --workers auto}) a level that fails is
 * abandoned, early when a solo block already shows it worse at 99% confidence, and the tasks run again
 * one level lower, until a level passes or one worker is reached; the controls already measured stay in
 * the comparison, and on one worker they are the measurements of their tasks. Under {@link Policy#FIXED}
 * ({@code --workers N}) the level is kept and a failure is reported. {@link Policy#UNCHECKED} runs the
 * level without controls.
 */
final class CertifiedRun {
    static final String CONTROL = "control";

    enum Policy { STEP_DOWN, FIXED, UNCHECKED }

    /** What the certification concluded. */
    enum Status {
        CERTIFIED("certified"),
        KEPT_UNSETTLED("kept, not settled"),
        LOWERED("lowered"),
        FAILED("not certified"),
        UNCHECKED("not checked"),
        ONE_WORKER("one worker");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }

    /** What to run and how to judge it. */
    record Spec(String algorithm, WorkloadSpec workload, int trial, List<TaskInput> order, int level, Policy policy,
                Criteria criteria, ControlPlan.Shares shares, long seed) {
    }

    /** The run: final level, its records and the controls, and every attempt. */
    record Outcome(Assessment.Certification certification, List<TaskRecord> measured, List<TaskRecord> controls,
                   double wallSeconds, double controlWallSeconds, JvmActivity coordinator) {
    }

    private final Session session;
    private final Spec spec;
    private final IntConsumer warmUp;
    private final Runnable quiet;
    private final List<TaskRecord> controls = new ArrayList<>();
    private final List<Assessment.Attempt> attempts = new ArrayList<>();
    private double wall;
    /** This JVM's GC and JIT while batches ran (not during the checks between them). */
    private JvmActivity coordinator = new JvmActivity(0, 0, 0);
    private double controlWall;

    /**
     * @param warmUp warms workers 0 .. n-1 up (called with the level before it is measured)
     * @param quiet  waits for the coordinator's JIT to go idle (called after each check, before tasks resume)
     */
    CertifiedRun(Session session, Spec spec, IntConsumer warmUp, Runnable quiet) {
        this.session = session;
        this.spec = spec;
        this.warmUp = warmUp;
        this.quiet = quiet;
    }

    Outcome run() {
        int level = spec.level();
        int requested = level;
        while (true) {
            if (level == 1) {
                List<TaskRecord> measured = runAlone();
                Status status = requested == 1 ? Status.ONE_WORKER : Status.LOWERED;
                return outcome(status, requested, 1, measured);
            }
            warmUp.accept(level);
            if (spec.policy() == Policy.UNCHECKED) {
                BatchResult b = batch(spec.algorithm(), level, spec.order(), 0);
                wall += b.wallSeconds();
                return outcome(Status.UNCHECKED, requested, level, b.records());
            }
            Attempt a = attempt(level);
            DistributionComparison cmp = a.comparison;
            boolean passes = cmp.verdict() == Verdict.OK;
            if (passes || spec.policy() == Policy.FIXED) {
                Status status = passes ? (cmp.settled() ? Status.CERTIFIED : Status.KEPT_UNSETTLED) : Status.FAILED;
                return outcome(status, requested, level, a.measured);
            }
            level--;
        }
    }

    private record Attempt(List<TaskRecord> measured, DistributionComparison comparison) {
    }

    /** The tasks at {@code level} with interleaved controls; stops early when the level is clearly worse. */
    private Attempt attempt(int level) {
        ControlPlan plan = ControlPlan.of(spec.order(), level, spec.shares(), spec.seed() * 31 + level);
        Criteria strict = spec.criteria().withConfidence(0.99);
        List<TaskRecord> measured = new ArrayList<>();
        boolean settled = false;
        boolean stoppedEarly = false;
        for (ControlPlan.Step step : plan.steps()) {
            if (step instanceof ControlPlan.Parallel p) {
                BatchResult b = batch(spec.algorithm(), level, p.tasks(), 0);
                wall += b.wallSeconds();
                measured.addAll(b.records());
                continue;
            }
            ControlPlan.Solo solo = (ControlPlan.Solo) step;
            List<TaskInput> tasks = new ArrayList<>(solo.base());
            if (!settled) {
                tasks.addAll(solo.extra());
            }
            if (tasks.isEmpty()) {
                continue;
            }
            BatchResult b = batch(CONTROL, 1, tasks, Math.min(solo.worker(), level - 1));
            wall += b.wallSeconds();
            controlWall += b.wallSeconds();
            controls.addAll(b.records());
            if (spec.policy() == Policy.STEP_DOWN && compare(measured, strict).verdict() == Verdict.WORSE) {
                stoppedEarly = true;
                break;
            }
            DistributionComparison now = compare(measured, spec.criteria());
            settled = now.verdict() == Verdict.OK && now.settled();
            quiet.run(); // the comparison's code may still be compiling: not beside the next parallel stretch
        }
        // stopped early: WORSE at 99% is WORSE at 95% too (same resamples, a narrower interval)
        DistributionComparison cmp = compare(measured, spec.criteria()).decided(spec.criteria());
        attempts.add(new Assessment.Attempt(level, ok(measured).size(), ok(controls).size(), stoppedEarly, cmp));
        return new Attempt(measured, cmp);
    }

    /** One worker: the tasks that have no control yet, alone; the controls stand for the others. */
    private List<TaskRecord> runAlone() {
        Set<Integer> done = new HashSet<>();
        List<TaskRecord> measured = new ArrayList<>();
        for (TaskRecord r : controls) {
            if (r.ok() && done.add(r.taskIndex())) {
                measured.add(r);
            }
        }
        List<TaskInput> rest = spec.order().stream().filter(t -> !done.contains(t.index())).toList();
        if (!rest.isEmpty()) {
            BatchResult b = batch(spec.algorithm(), 1, rest, 0);
            wall += b.wallSeconds();
            measured.addAll(b.records());
        }
        return measured;
    }

    private BatchResult batch(String experiment, int level, List<TaskInput> tasks, int firstWorker) {
        String label = experiment.equals(CONTROL) ? CONTROL + "/" + spec.algorithm()
                : AssessExperiment.ASSESS + "/" + spec.algorithm();
        JvmActivity before = JvmActivity.sample();
        BatchResult b = session.run(new BatchPlan(label, level, spec.trial(), spec.workload(), tasks, Strategy.QUEUE,
                firstWorker));
        coordinator = coordinator.plus(JvmActivity.sample().minus(before));
        return b;
    }

    /** The level's successful times against the controls', one stratum per size. */
    private DistributionComparison compare(List<TaskRecord> measured, Criteria criteria) {
        Map<Long, List<Double>> level = bySize(measured);
        Map<Long, List<Double>> alone = bySize(controls);
        List<DistributionComparison.Stratum> strata = new ArrayList<>();
        for (var e : level.entrySet()) {
            List<Double> base = alone.getOrDefault(e.getKey(), List.of());
            strata.add(new DistributionComparison.Stratum(toArray(e.getValue()), toArray(base)));
        }
        return DistributionComparison.of(strata, criteria, spec.seed() ^ 0x5EED);
    }

    private static Map<Long, List<Double>> bySize(List<TaskRecord> records) {
        Map<Long, List<Double>> out = new LinkedHashMap<>();
        for (TaskRecord r : ok(records)) {
            out.computeIfAbsent(r.size(), k -> new ArrayList<>()).add(r.wallSeconds());
        }
        return out;
    }

    private static List<TaskRecord> ok(List<TaskRecord> records) {
        return records.stream().filter(TaskRecord::ok).toList();
    }

    private static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private Outcome outcome(Status status, int requested, int level, List<TaskRecord> measured) {
        return new Outcome(new Assessment.Certification(status.label, requested, level, List.copyOf(attempts),
                verdict(status, requested, level)), measured, List.copyOf(controls), wall, controlWall, coordinator);
    }

    /** The one-line verdict, e.g. "2 workers, certified: mean ×1.01 [0.99, 1.03], sd ×1.10 against 1 worker". */
    private String verdict(Status status, int requested, int level) {
        Assessment.Attempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        String against = last == null ? "" : evidence(last);
        return switch (status) {
            case CERTIFIED -> workers(level) + ", certified: " + against;
            case KEPT_UNSETTLED -> workers(level) + ", kept but not settled (the intervals straddle the limits): "
                    + against;
            case FAILED -> workers(level) + " (--workers), NOT certified: " + against
                    + "; the parallel numbers differ from one worker's (" + last.comparison().reason() + ")";
            case LOWERED -> "lowered from " + requested + " to " + workers(level) + ": " + String.join("; ",
                    attempts.stream().map(a -> "at " + a.level() + " workers " + evidence(a) + " ("
                            + a.comparison().reason() + (a.stoppedEarly() ? ", stopped early" : "") + ")").toList());
            case UNCHECKED -> workers(level) + ", not checked against one worker (--no-verify)";
            case ONE_WORKER -> "1 worker: the reference itself, nothing to certify";
        };
    }

    private static String evidence(Assessment.Attempt a) {
        DistributionComparison c = a.comparison();
        return String.format(Locale.ROOT, "mean %s, median %s, sd %s against 1 worker (%d tasks, %d one-worker controls)",
                c.mean().text(), c.median().text(), c.sd().text(), a.tasks(), a.controls());
    }

    private static String workers(int n) {
        return n + (n == 1 ? " worker" : " workers");
    }
}
