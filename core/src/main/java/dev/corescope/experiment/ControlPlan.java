package dev.corescope.experiment;

import dev.corescope.api.TaskInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How an assessment at a level carries its own proof, in blocks. Block {@code i} is a parallel stretch (the
 * {@code i}-th of equal consecutive slices of the run's tasks, all the level's workers busy to its end with
 * unrecorded fillers), then a few of <em>that stretch's own tasks</em> (same size, same seed) run again on one
 * worker alone, the others idle: the one-worker controls. Each control is paired in time with its parallel
 * twin, moments apart, and the blocks spread the controls evenly over the whole run, so a drift of the machine
 * (load, frequency, temperature) reaches both sides alike. A block is the unit the bootstrap resamples
 * ({@link dev.corescope.analysis.Equivalence}).
 *
 * <p>Controls run on worker 0, the worker {@code --workers 1} would use: the reference is what one worker alone
 * measures, not a mixture of every CPU of the level (a mixture has the same CPUs as the level and cannot see
 * one that another program shares).
 *
 * @param blocks the run, in order
 */
public record ControlPlan(List<Block> blocks) {

    /** A parallel stretch and the controls that follow it (a subset of its tasks). */
    public record Block(List<TaskInput> parallel, List<TaskInput> controls) {
        public Block {
            parallel = List.copyOf(parallel);
            controls = List.copyOf(controls);
        }
    }

    /**
     * How many controls, in how many blocks.
     *
     * @param share       share of the run's tasks run again as controls (e.g. 0.05)
     * @param minControls fewest controls (when the run has that many tasks): the A/A band splits them in two
     * @param perBlock    controls per block (about): the blocks are {@code controls / perBlock}, within
     *                    [{@code MIN_BLOCKS}, {@code maxBlocks}]
     * @param maxBlocks   most blocks (each costs a drain of the workers)
     */
    public record Shares(double share, int minControls, int perBlock, int maxBlocks) {
        public static final Shares DEFAULT = new Shares(0.05, 30, 3, 10);
        /** The equivalence test's fewest blocks: no verdict before three. */
        public static final int MIN_BLOCKS = 3;

        public Shares {
            if (!(share > 0 && share <= 1) || minControls < 2 || perBlock < 1 || maxBlocks < MIN_BLOCKS) {
                throw new IllegalArgumentException("shares: share in (0, 1], minControls >= 2, perBlock >= 1, maxBlocks >= "
                        + MIN_BLOCKS);
            }
        }

        /** Controls of a run of {@code tasks} tasks. */
        public int controls(int tasks) {
            return Math.min(tasks, Math.max(minControls, (int) Math.ceil(share * tasks)));
        }

        /** Blocks of a run of {@code tasks} tasks. */
        public int blocks(int tasks) {
            int b = Math.max(MIN_BLOCKS, Math.min(maxBlocks, controls(tasks) / perBlock));
            return Math.max(1, Math.min(b, tasks));
        }
    }

    public ControlPlan {
        blocks = List.copyOf(blocks);
    }

    /**
     * @param order the tasks in run order (every (size, repeat) once, already shuffled)
     * @param seed  seeds the choice of each block's controls
     */
    public static ControlPlan of(List<TaskInput> order, Shares shares, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int total = order.size();
        int blocks = shares.blocks(total);
        int controls = shares.controls(total);
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < blocks; i++) {
            List<TaskInput> stretch = order.subList(slice(i, blocks, total), slice(i + 1, blocks, total));
            int n = Math.min(stretch.size(), slice(i + 1, blocks, controls) - slice(i, blocks, controls));
            List<TaskInput> pool = new ArrayList<>(stretch);
            for (int k = 0; k < n; k++) { // a partial Fisher–Yates shuffle: n distinct tasks of the stretch
                Collections.swap(pool, k, k + rng.nextInt(pool.size() - k));
            }
            out.add(new Block(stretch, pool.subList(0, n)));
        }
        return new ControlPlan(out);
    }

    /**
     * More evidence for a level whose verdict needs it: the same tasks again, in a new random order, in
     * blocks of the same shape (parallel stretch, controls of its tasks).
     */
    public static ControlPlan extension(List<TaskInput> order, Shares shares, long seed) {
        List<TaskInput> again = new ArrayList<>(order);
        Collections.shuffle(again, new java.util.Random(seed));
        return of(again, shares, seed * 31 + 17);
    }

    private static int slice(int i, int parts, int total) {
        return (int) ((long) i * total / parts);
    }

    /** Every control, in plan order. */
    public List<TaskInput> controls() {
        return blocks.stream().flatMap(b -> b.controls().stream()).toList();
    }

    /** Every parallel task, in plan order. */
    public List<TaskInput> parallelTasks() {
        return blocks.stream().flatMap(b -> b.parallel().stream()).toList();
    }
}
