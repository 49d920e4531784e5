package dev.corescope.analysis;

import java.util.List;
import java.util.Optional;

/**
 * Result of {@link ThresholdDetector#detect} / {@link ThresholdDetector#decide}.
 *
 * @param threshold largest measured P such that every measured level ≤ P is OK (≥ 1)
 * @param levels    one verdict per measured level, sorted by workers
 * @param knee      throughput knee (null only if no level has a positive mean wall time)
 * @param usl       Universal Scalability Law fit, or null (fewer than 3 levels or fit failure)
 * @param settled   true when every level up to the threshold, and the level that stopped it (if any),
 *                  has a settled verdict
 */
public record ThresholdResult(int threshold, List<LevelVerdict> levels, Knee knee, UslFit usl, boolean settled) {

    public ThresholdResult {
        levels = List.copyOf(levels);
    }

    /** The verdict of a given level, if measured. */
    public Optional<LevelVerdict> level(int workers) {
        return levels.stream().filter(v -> v.workers() == workers).findFirst();
    }

    /** The first level above the threshold (the one that stopped it), if any. */
    public Optional<LevelVerdict> blockingLevel() {
        return levels.stream().filter(v -> v.workers() > threshold).findFirst();
    }
}
