package dev.corescope.analysis;

import java.util.Arrays;

/**
 * The per-task measurements of one concurrency level: {@code workers} tasks ran concurrently and each
 * array holds one value per measured task. {@code cpuSeconds} / {@code waitSeconds} may be empty or hold
 * NaN when the platform could not measure them. Arrays are copied in and out, so the record is immutable.
 *
 * <p>Two labels say how the tasks hang together, so that the threshold can judge a level by its worst-off
 * worker and resample the units that are independent ({@link ThresholdDetector}): {@code worker} (which
 * worker ran the task: the same number for the same worker throughout the level) and {@code round} (the
 * round the task ran in: tasks with the same number ran at the same time; the baseline's rounds carry the
 * numbers of the blocks they were measured in, so a level and one worker measured in the same blocks
 * are compared block by block). Either may be empty (unknown): without workers the level is judged by
 * the median of all its tasks, without rounds every task is its own round. CPU is the logical CPU the
 * task ran on (-1 unknown), for the account of which worker was worst off.
 *
 * @param workers     number of concurrent workers (≥ 1)
 * @param wallSeconds wall-clock seconds per task
 * @param cpuSeconds  CPU seconds per task (may be empty / NaN)
 * @param waitSeconds run-queue wait seconds per task (may be empty / NaN)
 * @param worker      the worker of each task (empty: unknown)
 * @param round       the round (or block) of each task (empty: unknown)
 * @param cpu         the logical CPU of each task, -1 where unknown (empty: unknown)
 */
public record LevelSample(int workers, double[] wallSeconds, double[] cpuSeconds, double[] waitSeconds, int[] worker,
                          int[] round, int[] cpu) {

    public LevelSample {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        wallSeconds = wallSeconds == null ? new double[0] : wallSeconds.clone();
        cpuSeconds = cpuSeconds == null ? new double[0] : cpuSeconds.clone();
        waitSeconds = waitSeconds == null ? new double[0] : waitSeconds.clone();
        worker = labels(worker, wallSeconds.length, "worker");
        round = labels(round, wallSeconds.length, "round");
        cpu = labels(cpu, wallSeconds.length, "cpu");
    }

    /** Without labels: which worker ran a task, and in which round, unknown. */
    public LevelSample(int workers, double[] wallSeconds, double[] cpuSeconds, double[] waitSeconds) {
        this(workers, wallSeconds, cpuSeconds, waitSeconds, null, null, null);
    }

    private static int[] labels(int[] l, int n, String what) {
        if (l == null || l.length == 0) {
            return new int[0];
        }
        if (l.length != n) {
            throw new IllegalArgumentException("one " + what + " label per task: " + l.length + " for " + n + " tasks");
        }
        return l.clone();
    }

    /** A level with wall times only (CPU and wait not measured, no labels). */
    public static LevelSample ofWall(int workers, double... wallSeconds) {
        return new LevelSample(workers, wallSeconds, new double[0], new double[0]);
    }

    /** The same tasks, labelled: their workers, rounds and CPUs (null: unknown). */
    public LevelSample labelled(int[] workerOf, int[] roundOf, int[] cpuOf) {
        return new LevelSample(workers, wallSeconds, cpuSeconds, waitSeconds, workerOf, roundOf, cpuOf);
    }

    /** The same tasks and labels with wall times only, as where the scheduler's counters cannot be read. */
    public LevelSample wallOnly() {
        return new LevelSample(workers, wallSeconds, null, null, worker, round, cpu);
    }

    /** Whether each task's worker is known. */
    public boolean hasWorkers() {
        return worker.length > 0;
    }

    /** Whether each task's round is known. */
    public boolean hasRounds() {
        return round.length > 0;
    }

    /** Per-task run-queue wait as a share of the task's wall time (tasks where both are known). */
    public double[] waitShares() {
        int n = Math.min(wallSeconds.length, waitSeconds.length);
        double[] out = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(waitSeconds[i]) && Double.isFinite(wallSeconds[i]) && wallSeconds[i] > 0) {
                out[k++] = waitSeconds[i] / wallSeconds[i];
            }
        }
        return Arrays.copyOf(out, k);
    }

    @Override
    public double[] wallSeconds() {
        return wallSeconds.clone();
    }

    @Override
    public double[] cpuSeconds() {
        return cpuSeconds.clone();
    }

    @Override
    public double[] waitSeconds() {
        return waitSeconds.clone();
    }

    @Override
    public int[] worker() {
        return worker.clone();
    }

    @Override
    public int[] round() {
        return round.clone();
    }

    @Override
    public int[] cpu() {
        return cpu.clone();
    }

    /** Number of finite wall-time measurements. */
    public int n() {
        int n = 0;
        for (double w : wallSeconds) {
            if (Double.isFinite(w)) {
                n++;
            }
        }
        return n;
    }

    /** Number of distinct rounds (every task its own when rounds are unknown). */
    public int rounds() {
        return round.length == 0 ? n() : (int) Arrays.stream(round).distinct().count();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LevelSample s && s.workers == workers
                && Arrays.equals(s.wallSeconds, wallSeconds)
                && Arrays.equals(s.cpuSeconds, cpuSeconds)
                && Arrays.equals(s.waitSeconds, waitSeconds)
                && Arrays.equals(s.worker, worker)
                && Arrays.equals(s.round, round)
                && Arrays.equals(s.cpu, cpu);
    }

    @Override
    public int hashCode() {
        int h = 31 * (31 * (31 * workers + Arrays.hashCode(wallSeconds)) + Arrays.hashCode(cpuSeconds))
                + Arrays.hashCode(waitSeconds);
        return 31 * (31 * (31 * h + Arrays.hashCode(worker)) + Arrays.hashCode(round)) + Arrays.hashCode(cpu);
    }

    @Override
    public String toString() {
        return "LevelSample[workers=" + workers + ", n=" + n() + ", cpu=" + cpuSeconds.length
                + ", wait=" + waitSeconds.length + ", rounds=" + (hasRounds() ? rounds() : "unknown")
                + ", workers known=" + hasWorkers() + "]";
    }
}
