package dev.corescope.analysis;

import java.util.Arrays;

/**
 * The per-task measurements of one concurrency level: {@code workers} tasks ran concurrently and each
 * array holds one value per measured task. {@code cpuSeconds} / {@code waitSeconds} may be empty or hold
 * NaN when the platform could not measure them. Arrays are copied in and out, so the record is immutable.
 *
 * @param workers     number of concurrent workers (≥ 1)
 * @param wallSeconds wall-clock seconds per task
 * @param cpuSeconds  CPU seconds per task (may be empty / NaN)
 * @param waitSeconds run-queue wait seconds per task (may be empty / NaN)
 */
public record LevelSample(int workers, double[] wallSeconds, double[] cpuSeconds, double[] waitSeconds) {

    public LevelSample {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        wallSeconds = wallSeconds == null ? new double[0] : wallSeconds.clone();
        cpuSeconds = cpuSeconds == null ? new double[0] : cpuSeconds.clone();
        waitSeconds = waitSeconds == null ? new double[0] : waitSeconds.clone();
    }

    /** A level with wall times only (CPU and wait not measured). */
    public static LevelSample ofWall(int workers, double... wallSeconds) {
        return new LevelSample(workers, wallSeconds, new double[0], new double[0]);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof LevelSample s && s.workers == workers
                && Arrays.equals(s.wallSeconds, wallSeconds)
                && Arrays.equals(s.cpuSeconds, cpuSeconds)
                && Arrays.equals(s.waitSeconds, waitSeconds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * workers + Arrays.hashCode(wallSeconds)) + Arrays.hashCode(cpuSeconds))
                + Arrays.hashCode(waitSeconds);
    }

    @Override
    public String toString() {
        return "LevelSample[workers=" + workers + ", n=" + n() + ", cpu=" + cpuSeconds.length
                + ", wait=" + waitSeconds.length + "]";
    }
}
