package dev.corescope.analysis;

import java.util.List;
import java.util.Optional;

/**
 * Result of {@link ThresholdDetector#detect} / {@link ThresholdDetector#decide}.
 *
 * @param threshold largest measured P such that every measured level ≤ P is OK (≥ 1), and at most the cap
 * @param levels    one verdict per measured level, sorted by workers
 * @param knee      throughput knee among the levels at most the cap (null only if no level has a positive
 *                  mean wall time)
 * @param usl       Universal Scalability Law fit, or null (fewer than 3 levels or fit failure)
 * @param settled   true when every level up to the threshold, and the level that stopped it (if any),
 *                  has a settled verdict
 * @param cap       the most workers the machine's CPUs allow, and whether it decided the threshold (null: no cap)
 */
public record ThresholdResult(int threshold, List<LevelVerdict> levels, Knee knee, UslFit usl, boolean settled,
                              Cap cap) {

    /**
     * The physical limit on a CPU-bound threshold: the effective CPUs (affinity, quota) rounded down.
     *
     * @param workers   the most workers allowed
     * @param why       e.g. {@code a CPU quota of 12.50 CPUs}
     * @param decided   true when the measurement alone would have said more: the cap decided the threshold
     * @param measured  what the measurement alone said (equal to the threshold when the cap did not decide)
     * @param kneeCapped true when a level above the cap had the most throughput (noise: it cannot have)
     */
    public record Cap(int workers, String why, boolean decided, int measured, boolean kneeCapped) {
    }

    public ThresholdResult {
        levels = List.copyOf(levels);
    }

    /** Without a cap. */
    public ThresholdResult(int threshold, List<LevelVerdict> levels, Knee knee, UslFit usl, boolean settled) {
        this(threshold, levels, knee, usl, settled, null);
    }

    /** The verdict of a given level, if measured. */
    public Optional<LevelVerdict> level(int workers) {
        return levels.stream().filter(v -> v.workers() == workers).findFirst();
    }

    /** The first level above the threshold (the one that stopped it), if any. */
    public Optional<LevelVerdict> blockingLevel() {
        return levels.stream().filter(v -> v.workers() > threshold).findFirst();
    }

    /** Whether the CPUs' cap, not a measured level, decided the threshold. */
    public boolean capDecided() {
        return cap != null && cap.decided();
    }
}
