package dev.corescope.experiment;

import dev.corescope.analysis.BlockedSamples;
import dev.corescope.analysis.Equivalence;
import dev.corescope.analysis.Equivalence.Design;
import dev.corescope.analysis.Equivalence.EquivalenceVerdict;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.TaskRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One level of a certified run: its blocks (a parallel stretch, then controls of its tasks on one worker), the
 * looks at the equivalence test that {@link CertificationLooks} allows, and the extensions a "need more data" verdict asks
 * for while the looks and the budget last.
 */
final class LevelAttempt {
    /** Below this share of the level's workers busy during its measured tasks, the level did not run at P. */
    static final double MIN_OCCUPANCY = 0.9;

    /**
     * @param measured     the planned parallel tasks (the assessment's measurements at this level)
     * @param blocks       every block, extensions included
     * @param equivalence  the last look's test
     * @param stoppedEarly clearly different at an interim look
     * @param looks        certification looks taken
     * @param extended     parallel tasks the extensions added
     * @param occupancy    share of the level's workers busy while its measured tasks ran (NaN: no times)
     */
    record Result(List<TaskRecord> measured, List<SpeedFigures.Block> blocks, Equivalence equivalence,
                  boolean stoppedEarly, int looks, int extended, double occupancy) {
        List<TaskRecord> controls() {
            return blocks.stream().flatMap(b -> b.controls().stream()).toList();
        }

        boolean certified() {
            return equivalence.verdict() == EquivalenceVerdict.EQUIVALENT && !(occupancy < MIN_OCCUPANCY);
        }
    }

    private final Stretches stretches;
    private final CertifiedRun.Spec spec;
    private final int level;
    private final List<List<TaskRecord>> earlierControls;
    private final Runnable quiet;
    private final Budget budget;
    private final List<SpeedFigures.Block> blocks = new ArrayList<>();
    private final Map<Long, Integer> strata = new HashMap<>();
    private double busy;
    private double occupied;

    /**
     * @param earlierControls control blocks of the levels tried before (one worker's samples, kept in the test)
     * @param quiet           waits for the coordinator's JIT to go idle (after a look, before tasks resume)
     */
    LevelAttempt(Stretches stretches, CertifiedRun.Spec spec, int level, List<List<TaskRecord>> earlierControls,
                 Runnable quiet, Budget budget) {
        this.stretches = stretches;
        this.spec = spec;
        this.level = level;
        this.earlierControls = earlierControls;
        this.quiet = quiet;
        this.budget = budget;
    }

    Result run() {
        int looksAllowed = CertificationLooks.certificationLooks(spec.order().size());
        double confidence = CertificationLooks.confidence(looksAllowed);
        Design certify = Design.DEFAULT.withConfidence(confidence).withResamples(CertificationLooks.resamples(confidence));
        Design interim = Design.DEFAULT.withResamples(CertificationLooks.INTERIM_RESAMPLES);
        ControlPlan plan = ControlPlan.of(spec.order(), spec.shares(), spec.seed() * 31 + level);
        List<TaskRecord> measured = new ArrayList<>();
        double start = stretches.wallSeconds();
        boolean stopped = false;
        for (int i = 0; i < plan.blocks().size(); i++) {
            measured.addAll(runBlock(AssessExperiment.ASSESS, plan.blocks().get(i)));
            int done = i + 1;
            if (spec.policy() == CertifiedRun.Policy.STEP_DOWN && done >= ControlPlan.Shares.MIN_BLOCKS
                    && done < plan.blocks().size() && 2 * controlsSoFar() >= plan.controls().size()) {
                if (test(interim, done).clearlyDifferent(CertificationLooks.INTERIM_Z)) {
                    stopped = true;
                    break;
                }
                quiet.run(); // the test's code may still be compiling: not beside the next parallel stretch
            }
        }
        double runCost = stretches.wallSeconds() - start;
        Equivalence e = test(certify, 0);
        int looks = 1;
        int extended = 0;
        // more evidence runs the tasks that succeeded again: a failing task's failure is recorded once, not per look
        java.util.Set<Integer> succeeded = new java.util.HashSet<>();
        measured.stream().filter(TaskRecord::ok).forEach(r -> succeeded.add(r.taskIndex()));
        List<dev.corescope.api.TaskInput> again = spec.order().stream().filter(t -> succeeded.contains(t.index())).toList();
        // a level that did not run at P cannot be certified by more of the same
        boolean atP = !(occupancy() < MIN_OCCUPANCY);
        while (!stopped && atP && e.verdict() == EquivalenceVerdict.NEED_MORE_DATA && looks < looksAllowed && budget.fits(runCost)
                && !again.isEmpty()) {
            ControlPlan more = ControlPlan.extension(again, spec.shares(), spec.seed() * 131 + 7L * level + looks);
            for (ControlPlan.Block b : more.blocks()) {
                extended += runBlock(Stretches.EXTEND, b).size();
            }
            looks++;
            e = test(certify, looks);
            quiet.run();
        }
        return new Result(measured, List.copyOf(blocks), e, stopped, looks, extended, occupancy());
    }

    private double occupancy() {
        return busy > 0 ? occupied / busy : Double.NaN;
    }

    private int controlsSoFar() {
        return blocks.stream().mapToInt(b -> b.controls().size()).sum();
    }

    /** A parallel stretch at the level, all workers busy to its end, then its controls alone. */
    private List<TaskRecord> runBlock(String experiment, ControlPlan.Block b) {
        BatchResult parallel = stretches.parallel(experiment, level, b.parallel(), true);
        List<TaskRecord> controls = b.controls().isEmpty() ? List.of() : stretches.alone(b.controls()).records();
        blocks.add(new SpeedFigures.Block(parallel.records(), controls));
        if (parallel.occupancy() != null && Double.isFinite(parallel.occupancy().full())) {
            double w = parallel.records().stream().filter(TaskRecord::ok).mapToDouble(TaskRecord::wallSeconds).sum();
            busy += w;
            occupied += w * parallel.occupancy().full();
        }
        return parallel.records();
    }

    /** The test of every block so far, with the earlier levels' controls as one-worker blocks. */
    private Equivalence test(Design design, int look) {
        List<BlockedSamples.Block> in = new ArrayList<>();
        for (SpeedFigures.Block b : blocks) {
            in.add(samples(b.parallel(), b.controls()));
        }
        for (List<TaskRecord> c : earlierControls) {
            in.add(samples(List.of(), c));
        }
        return Equivalence.test(new BlockedSamples(in), spec.margins(), design, spec.seed() ^ (0x5EEDL + 1000L * level + look));
    }

    private BlockedSamples.Block samples(List<TaskRecord> parallel, List<TaskRecord> controls) {
        List<TaskRecord> p = parallel.stream().filter(TaskRecord::ok).toList();
        List<TaskRecord> c = controls.stream().filter(TaskRecord::ok).toList();
        return new BlockedSamples.Block(p.stream().mapToDouble(TaskRecord::wallSeconds).toArray(), strata(p),
                c.stream().mapToDouble(TaskRecord::wallSeconds).toArray(), strata(c));
    }

    private int[] strata(List<TaskRecord> records) {
        return records.stream().mapToInt(r -> strata.computeIfAbsent(r.size(), k -> strata.size())).toArray();
    }

    /** Time left for more stretches, from {@code --budget}; without one, no limit. */
    record Budget(long deadlineNanos, java.util.function.LongSupplier clock) {
        static Budget none() {
            return new Budget(Long.MAX_VALUE, () -> 0);
        }

        /** True when {@code seconds} more still end before the deadline. */
        boolean fits(double seconds) {
            return deadlineNanos == Long.MAX_VALUE || clock.getAsLong() + (long) (seconds * 1e9) <= deadlineNanos;
        }
    }
}
