package dev.corescope.analysis;

/**
 * What one concurrency level measured: per-task wall time statistics (seconds), mean CPU time and
 * run-queue wait per task, the batch wall time (mean over trials), and throughput relative to one
 * worker: {@code speedup = throughput(P) / throughput(1)}, {@code efficiency = speedup / P}.
 */
public record LevelSummary(String experiment, int workers, int trials, int tasks, int failures,
                           double totalSeconds, SampleStats perTask, double cpuPerTask, double waitPerTask,
                           double throughput, double speedup, double efficiency) {
}
