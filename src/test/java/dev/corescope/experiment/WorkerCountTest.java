package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerCountTest {
    @TempDir
    Path dir;

    @Test
    void autoUsesTheCachedThresholdOfThisMachine() throws Exception {
        ThresholdCache cache = new ThresholdCache(dir.resolve("threshold.json"));
        cache.store("abc", new ThresholdCache.Entry(3, "processes", "2024-01-01T00:00:00Z", "runs/x", 4, "knee"));
        WorkerCount.Resolved r = WorkerCount.resolve("auto", cache, () -> "abc");
        assertThat(r.workers()).isEqualTo(3);
        assertThat(r.source()).contains("cached").contains("abc");
    }

    @Test
    void autoWithNothingCachedIsTheOneLineError() {
        ThresholdCache cache = new ThresholdCache(dir.resolve("none.json"));
        assertThatThrownBy(() -> WorkerCount.resolve("auto", cache, () -> "abc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(WorkerCount.NOT_CACHED);
    }

    @Test
    void explicitCountsAreCheckedWithoutTouchingTheCache() {
        ThresholdCache cache = new ThresholdCache(dir.resolve("none.json"));
        assertThat(WorkerCount.resolve("2", cache, () -> { throw new AssertionError("no probe"); }).workers()).isEqualTo(2);
        assertThatThrownBy(() -> WorkerCount.resolve("0", cache, () -> "k")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> WorkerCount.resolve("many", cache, () -> "k")).hasMessageContaining("'auto' or a positive");
    }
}
