package dev.corescope.analysis;

/**
 * Why tasks at a level got slower than at one worker, from per-level means:
 * {@code extraWall = mean wall(P) - mean wall(1)}, split into the part spent runnable but waiting for a
 * CPU (Δ mean run-queue wait) and the part burnt as extra CPU time (Δ mean CPU, e.g. SMT siblings,
 * frequency drop, cache/memory contention). {@code unexplainedShare = 1 - waitShare - cpuShare}
 * (e.g. blocking, I/O, measurement gaps).
 *
 * <p>Shares are NaN when the needed series is not measured (array empty or all NaN) or when there is no
 * extra wall time to explain ({@code extraWall ≤ 0}).
 */
public record Attribution(int workers, double extraWallSeconds, double extraWaitSeconds, double extraCpuSeconds,
                          double waitShare, double cpuShare, double unexplainedShare) {

    public static Attribution of(LevelSample base, LevelSample level) {
        double extraWall = Samples.finiteMean(level.wallSeconds()) - Samples.finiteMean(base.wallSeconds());
        double extraWait = Samples.finiteMean(level.waitSeconds()) - Samples.finiteMean(base.waitSeconds());
        double extraCpu = Samples.finiteMean(level.cpuSeconds()) - Samples.finiteMean(base.cpuSeconds());
        boolean explainable = extraWall > 0;   // false for NaN as well
        double waitShare = explainable ? extraWait / extraWall : Double.NaN;
        double cpuShare = explainable ? extraCpu / extraWall : Double.NaN;
        double unexplained = 1 - waitShare - cpuShare;   // NaN if either share is NaN
        return new Attribution(level.workers(), extraWall, extraWait, extraCpu, waitShare, cpuShare, unexplained);
    }

    /** True when both wait and CPU were measured for both levels, so the split is complete. */
    public boolean complete() {
        return Double.isFinite(extraWaitSeconds) && Double.isFinite(extraCpuSeconds);
    }
}
