package dev.corescope.experiment;

import dev.corescope.analysis.Equivalence;
import dev.corescope.analysis.Equivalence.EquivalenceVerdict;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.Disturbance;
import dev.corescope.exec.JvmActivity;
import dev.corescope.exec.TaskRecord;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Runs one algorithm's tasks at a level and proves, within the same run, that the level added no bias and no
 * noise: blocks of a parallel stretch and one-worker controls of its own tasks ({@link ControlPlan}), judged by
 * the equivalence test ({@link Equivalence}) at the looks {@link CertificationLooks} allows, extended while it needs more
 * data ({@link LevelAttempt}). Under {@link Policy#STEP_DOWN} ({@code --workers auto}) a level that is not
 * certified is abandoned (early when an interim look shows it clearly different) and the tasks run again at
 * half the level (bisection of the levels below it), until a level is certified or one worker is reached; the
 * controls already measured stay in the test, and on one worker they are the measurements of their tasks.
 * Under {@link Policy#FIXED} ({@code --workers N}) the level is kept and a failure or an unsettled verdict is
 * reported as not certified. {@link Policy#UNCHECKED} runs the level without controls.
 */
final class CertifiedRun {
    enum Policy { STEP_DOWN, FIXED, UNCHECKED }

    /** What the certification concluded. */
    enum Status {
        CERTIFIED("certified"),
        NOT_SETTLED("not settled"),
        LOWERED("lowered"),
        FAILED("not certified"),
        UNCHECKED("not checked"),
        ONE_WORKER("one worker");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }

    /**
     * What to run and how to judge it.
     *
     * @param deadlineNanos the end of {@code --budget} on the session's clock (Long.MAX_VALUE: none); extensions
     *                      and step-downs happen only when their estimated time still fits before it
     */
    record Spec(String algorithm, WorkloadSpec workload, int trial, List<TaskInput> order, int level, Policy policy,
                Equivalence.Margins margins, ControlPlan.Shares shares, long deadlineNanos, long seed) {
    }

    /** The run: final level, its measured records and every control, the wall of all stretches. */
    record CertifiedRunResult(Assessment.Certification certification, List<TaskRecord> measured, List<TaskRecord> controls,
                   double wallSeconds, double controlWallSeconds, JvmActivity coordinator) {
    }

    private final Spec spec;
    private final IntConsumer warmUp;
    private final Runnable quiet;
    private final Stretches stretches;
    private final LevelAttempt.Budget budget;
    private final List<List<TaskRecord>> controls = new ArrayList<>();
    private final List<Assessment.Attempt> attempts = new ArrayList<>();
    private final List<String> why = new ArrayList<>();
    private LevelAttempt.Result last;

    /**
     * @param warmUp warms workers 0 .. n-1 up (called with the level before it is measured)
     * @param quiet  waits for the coordinator's JIT to go idle (called after each look, before tasks resume)
     */
    CertifiedRun(Session session, Spec spec, IntConsumer warmUp, Runnable quiet) {
        this.spec = spec;
        this.warmUp = warmUp;
        this.quiet = quiet;
        this.stretches = new Stretches(session, spec.algorithm(), spec.workload(), spec.trial());
        this.budget = new LevelAttempt.Budget(spec.deadlineNanos(), session.clock()::now);
    }

    CertifiedRunResult run() {
        int requested = spec.level();
        int level = requested;
        while (true) {
            if (level == 1) {
                return outcome(requested == 1 ? Status.ONE_WORKER : Status.LOWERED, requested, 1, runAlone());
            }
            warmUp.accept(level);
            if (spec.policy() == Policy.UNCHECKED) {
                BatchResult b = stretches.parallel(AssessExperiment.ASSESS, level, spec.order(), true);
                return outcome(Status.UNCHECKED, requested, level, b.records());
            }
            double before = stretches.wallSeconds();
            LevelAttempt.Result a = new LevelAttempt(stretches, spec, level, List.copyOf(controls), quiet, budget).run();
            last = a;
            controls.addAll(a.blocks().stream().map(SpeedFigures.Block::controls).filter(c -> !c.isEmpty()).toList());
            attempts.add(new Assessment.Attempt(level, ok(a.blocks().stream().flatMap(b -> b.parallel().stream()).toList()),
                    ok(a.controls()), a.stoppedEarly(), null, a.equivalence(), a.blocks().size(), a.extended(), a.looks(),
                    a.occupancy()));
            if (a.certified()) {
                return outcome(Status.CERTIFIED, requested, level, a.measured());
            }
            if (spec.policy() == Policy.FIXED) {
                boolean unsettled = a.equivalence().verdict() == EquivalenceVerdict.NEED_MORE_DATA && !(a.occupancy() < LevelAttempt.MIN_OCCUPANCY);
                return outcome(unsettled ? Status.NOT_SETTLED : Status.FAILED, requested, level, a.measured());
            }
            int next = (level + 1) / 2; // bisection of [1, level): half the level, rounded up
            double cost = (stretches.wallSeconds() - before) * level / Math.max(1, next);
            if (!budget.fits(cost)) {
                why.add("no time left in --budget to step down to " + workers(next));
                return outcome(Status.FAILED, requested, level, a.measured());
            }
            level = next;
        }
    }

    /** One worker: the tasks that have a control already, as it measured them; the others alone, stretch by stretch. */
    private List<TaskRecord> runAlone() {
        Set<Integer> done = new HashSet<>();
        List<TaskRecord> measured = new ArrayList<>();
        for (List<TaskRecord> block : controls) {
            for (TaskRecord r : block) {
                if (r.ok() && done.add(r.taskIndex())) {
                    measured.add(r);
                }
            }
        }
        List<TaskInput> rest = spec.order().stream().filter(t -> !done.contains(t.index())).toList();
        int stretch = Math.max(1, (rest.size() + spec.shares().maxBlocks() - 1) / spec.shares().maxBlocks());
        for (int from = 0; from < rest.size(); from += stretch) { // its records reach the file stretch by stretch
            measured.addAll(stretches.parallel(AssessExperiment.ASSESS, 1, rest.subList(from,
                    Math.min(rest.size(), from + stretch)), false).records());
        }
        return measured;
    }

    private CertifiedRunResult outcome(Status status, int requested, int level, List<TaskRecord> measured) {
        Assessment.Speed speed = level >= 2 && last != null && status != Status.UNCHECKED
                ? SpeedFigures.of(last.blocks(), level, spec.seed() ^ 0x5BEEDL) : null;
        Assessment.Disturbed disturbed = disturbed(level, measured);
        String verdict = CertificationText.verdict(status, requested, level, attempts, why);
        List<TaskRecord> allControls = controls.stream().flatMap(List::stream).toList();
        return new CertifiedRunResult(new Assessment.Certification(status.label, requested, level, List.copyOf(attempts), verdict,
                speed, stretches.harness(), disturbed), measured, allControls, stretches.wallSeconds(),
                stretches.controlWallSeconds(), stretches.coordinatorJvm());
    }

    /** Disturbed tasks among the level's parallel tasks (extensions included) and among every control. */
    private Assessment.Disturbed disturbed(int level, List<TaskRecord> measured) {
        List<TaskRecord> parallel = level >= 2 && last != null
                ? last.blocks().stream().flatMap(b -> b.parallel().stream()).filter(TaskRecord::ok).toList()
                : measured.stream().filter(TaskRecord::ok).toList();
        List<TaskRecord> alone = controls.stream().flatMap(List::stream).filter(TaskRecord::ok).toList();
        return new Assessment.Disturbed((int) parallel.stream().filter(TaskRecord::wasDisturbed).count(), parallel.size(),
                (int) alone.stream().filter(TaskRecord::wasDisturbed).count(), alone.size(), Disturbance.rule());
    }

    private static int ok(List<TaskRecord> records) {
        return (int) records.stream().filter(TaskRecord::ok).count();
    }

    static String workers(int n) {
        return n + (n == 1 ? " worker" : " workers");
    }
}
