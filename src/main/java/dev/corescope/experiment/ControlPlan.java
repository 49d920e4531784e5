package dev.corescope.experiment;

import dev.corescope.workload.TaskInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How an assessment at {@code level} workers carries its own proof: the measured tasks run on
 * {@code level} workers pulling from a queue, and at random moments spread over the whole run the
 * workers stop while one of them runs a few of the <em>same</em> tasks alone (the one-worker controls).
 * No separate phase before or after: a drift of the machine (load, frequency, temperature) reaches
 * the parallel tasks and the controls alike.
 *
 * <p>Controls are drawn per input size (the same share of every size's repeats, at least two per
 * size where the size has them), so every size is compared with itself. They are split over
 * {@code blocks} solo blocks; block {@code i} starts at a random task position within the
 * {@code i}-th of {@code blocks} equal stretches of the run (stratified in time), and runs on a random
 * worker (so no one CPU is the reference). Each block holds base controls, always run, and extra
 * controls, run only while the comparison is not yet settled.
 *
 * @param steps the run, in order: parallel stretches and solo blocks
 */
public record ControlPlan(List<Step> steps) {

    /** One stretch of the run. */
    public sealed interface Step permits Parallel, Solo {
    }

    /** Tasks on all workers of the level, from one queue. */
    public record Parallel(List<TaskInput> tasks) implements Step {
        public Parallel {
            tasks = List.copyOf(tasks);
        }
    }

    /** Controls on one worker alone ({@code worker} is its index in the pool), the others idle. */
    public record Solo(List<TaskInput> base, List<TaskInput> extra, int worker) implements Step {
        public Solo {
            base = List.copyOf(base);
            extra = List.copyOf(extra);
        }
    }

    /**
     * How many controls, and in how many blocks.
     *
     * @param baseShare   share of every size's repeats run as base controls (e.g. 0.05)
     * @param extraShare  further share run as extra controls while unsettled (e.g. 0.15)
     * @param minControls fewest base controls in all (when there are that many tasks)
     * @param maxBlocks   most solo blocks (each one costs a drain of the workers)
     */
    public record Shares(double baseShare, double extraShare, int minControls, int maxBlocks) {
        public static final Shares DEFAULT = new Shares(0.05, 0.15, 10, 8);

        public Shares {
            if (!(baseShare > 0 && baseShare <= 1) || !(extraShare >= 0 && baseShare + extraShare <= 1)) {
                throw new IllegalArgumentException("control shares must lie in (0, 1]: " + baseShare + ", " + extraShare);
            }
            if (minControls < 2 || maxBlocks < 1) {
                throw new IllegalArgumentException("need minControls >= 2 and maxBlocks >= 1");
            }
        }
    }

    public ControlPlan {
        steps = List.copyOf(steps);
    }

    /**
     * @param order  the measured tasks in run order (every (size, repeat) once)
     * @param level  workers of the parallel stretches (≥ 2)
     * @param seed   seeds the choice of controls, positions and workers
     */
    public static ControlPlan of(List<TaskInput> order, int level, Shares shares, long seed) {
        if (level < 2) {
            throw new IllegalArgumentException("controls are for levels of 2 workers or more, got " + level);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Map<Long, List<TaskInput>> bySize = new LinkedHashMap<>();
        for (TaskInput t : order) {
            bySize.computeIfAbsent(t.size(), k -> new ArrayList<>()).add(t);
        }
        List<TaskInput> base = new ArrayList<>();
        List<TaskInput> extra = new ArrayList<>();
        int total = order.size();
        int wantedBase = Math.min(total, Math.max(shares.minControls(), (int) Math.ceil(shares.baseShare() * total)));
        for (List<TaskInput> tasks : bySize.values()) {
            List<TaskInput> pool = new ArrayList<>(tasks);
            shuffle(pool, rng);
            int n = pool.size();
            int b = Math.min(n, Math.max(Math.min(2, n), (int) Math.round((double) wantedBase * n / total)));
            int e = Math.min(n - b, (int) Math.round(shares.extraShare() * n));
            base.addAll(pool.subList(0, b));
            extra.addAll(pool.subList(b, b + e));
        }
        shuffle(base, rng);
        shuffle(extra, rng);
        int blocks = Math.max(1, Math.min(shares.maxBlocks(), Math.min(total, (base.size() + 2) / 3)));
        List<Step> steps = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < blocks; i++) {
            int lo = (int) ((long) i * total / blocks);
            int hi = (int) ((long) (i + 1) * total / blocks);
            int at = Math.max(from, lo + (hi > lo ? rng.nextInt(hi - lo) : 0));
            if (at > from) {
                steps.add(new Parallel(order.subList(from, at)));
            }
            steps.add(new Solo(slice(base, i, blocks), slice(extra, i, blocks), rng.nextInt(level)));
            from = at;
        }
        if (from < total) {
            steps.add(new Parallel(order.subList(from, total)));
        }
        return new ControlPlan(steps);
    }

    /** The i-th of {@code parts} near-equal consecutive slices of {@code list}. */
    private static List<TaskInput> slice(List<TaskInput> list, int i, int parts) {
        return list.subList((int) ((long) i * list.size() / parts), (int) ((long) (i + 1) * list.size() / parts));
    }

    private static void shuffle(List<TaskInput> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, rng.nextInt(i + 1));
        }
    }

    /** Every base and extra control, in plan order. */
    public List<TaskInput> controls() {
        List<TaskInput> out = new ArrayList<>();
        for (Step s : steps) {
            if (s instanceof Solo solo) {
                out.addAll(solo.base());
                out.addAll(solo.extra());
            }
        }
        return out;
    }

    /** Every parallel task, in plan order. */
    public List<TaskInput> parallelTasks() {
        List<TaskInput> out = new ArrayList<>();
        for (Step s : steps) {
            if (s instanceof Parallel p) {
                out.addAll(p.tasks());
            }
        }
        return out;
    }
}
