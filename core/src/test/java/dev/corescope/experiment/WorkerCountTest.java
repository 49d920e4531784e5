package dev.corescope.experiment;

import dev.corescope.store.ThresholdCache;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --workers auto} on an invented cache, clock, load and quick check. */
class WorkerCountTest {
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path dir;

    final AtomicInteger measured = new AtomicInteger();
    final AtomicInteger quickChecks = new AtomicInteger();

    ThresholdCache cache() {
        return new ThresholdCache(dir.resolve("threshold.json"));
    }

    static ThresholdCache.Entry entry(int t, String at, Double busy, String workload) {
        return new ThresholdCache.Entry(t, "threads", at, "runs/x", 8, "why", workload, busy, 0.1);
    }

    WorkerCount.Context ctx(ThresholdCache cache, String workload, double busyNow, boolean quickClean) {
        return new WorkerCount.Context(cache, () -> "abc", workload, () -> NOW, () -> busyNow, level -> {
            quickChecks.incrementAndGet();
            return new CacheCheck.QuickCheck.Result(quickClean, level + " workers ×" + (quickClean ? "1.01" : "1.40"));
        }, () -> {
            measured.incrementAndGet();
            return new WorkerCount.MeasuredThreshold(2, "limited by logical CPUs");
        });
    }

    @Test
    void aFreshEntryInTheSameStateThatPassesTheQuickCheckIsReused() throws Exception {
        ThresholdCache cache = cache();
        cache.store("abc", entry(3, "2026-12-01T09:00:00Z", 0.1, null));
        WorkerCount.Resolved r = WorkerCount.resolve("auto", ctx(cache, null, 0.0, true));
        assertThat(r.workers()).isEqualTo(3);
        assertThat(r.source()).contains("spin kernel's threshold").contains("measured 3 h ago, idle then and now")
                .contains("quick check: 3 workers ×1.01").endsWith("reused");
        assertThat(measured).hasValue(0);
        assertThat(quickChecks).hasValue(1);
    }

    @Test
    void anEntryOlderThanADayIsMeasuredAgain() throws Exception {
        ThresholdCache cache = cache();
        cache.store("abc", entry(3, "2026-11-29T09:00:00Z", 0.1, null));
        WorkerCount.Resolved r = WorkerCount.resolve("auto", ctx(cache, null, 0.0, true));
        assertThat(r.workers()).isEqualTo(2);
        assertThat(r.source()).contains("more than a day ago: measuring again").contains("investigate measured")
                .endsWith("first: 2 (limited by logical CPUs)");
        assertThat(measured).hasValue(1);
        assertThat(quickChecks).hasValue(0);
    }

    @Test
    void aThresholdMeasuredWhileBusyIsNotUsedOnAnIdleMachine() throws Exception {
        // the bug this guards against: 1, measured with a core busy, used forever on the idle machine
        ThresholdCache cache = cache();
        cache.store("abc", entry(1, "2026-12-01T11:00:00Z", 1.0, null));
        WorkerCount.Resolved r = WorkerCount.resolve("auto", ctx(cache, null, 0.02, true));
        assertThat(r.workers()).isEqualTo(2);
        assertThat(r.checks()).singleElement().asString().contains("kept 1.0 CPUs busy")
                .contains("busy then, idle now");
        assertThat(measured).hasValue(1);
    }

    @Test
    void andTheReverse() throws Exception {
        ThresholdCache cache = cache();
        cache.store("abc", entry(2, "2026-12-01T11:00:00Z", 0.0, null));
        WorkerCount.resolve("auto", ctx(cache, null, 1.0, true));
        assertThat(measured).hasValue(1);
    }

    @Test
    void aFailedQuickCheckMeasuresAgain() throws Exception {
        ThresholdCache cache = cache();
        cache.store("abc", entry(2, "2026-12-01T11:00:00Z", 0.0, null));
        WorkerCount.Resolved r = WorkerCount.resolve("auto", ctx(cache, null, 0.0, false));
        assertThat(r.checks()).singleElement().asString().startsWith("the quick check of the cached threshold of 2 failed")
                .contains("×1.40");
        assertThat(measured).hasValue(1);
    }

    @Test
    void anEntryFromBeforeTheStateWasRecordedIsMeasuredAgain() throws Exception {
        ThresholdCache cache = cache();
        cache.store("abc", new ThresholdCache.Entry(2, "threads", "2026-12-01T11:00:00Z", "runs/x", 2, "why"));
        WorkerCount.Resolved r = WorkerCount.resolve("auto", ctx(cache, null, 0.0, true));
        assertThat(r.checks()).singleElement().asString().contains("does not say how busy");
        assertThat(measured).hasValue(1);
    }

    @Test
    void theWorkloadsOwnThresholdComesFirst() throws Exception {
        ThresholdCache cache = cache();
        cache.store("abc", entry(2, "2026-12-01T11:00:00Z", 0.0, null));
        cache.store(ThresholdCache.key("abc", "matmul-naive n=250"), entry(1, "2026-12-01T11:30:00Z", 0.0,
                "matmul-naive n=250"));
        WorkerCount.Resolved r = WorkerCount.resolve("auto", ctx(cache, "matmul-naive n=250", 0.0, true));
        assertThat(r.workers()).isEqualTo(1);
        assertThat(r.source()).startsWith("auto: this workload's threshold, the cached threshold of 1 for matmul-naive");
        assertThat(quickChecks).as("one worker needs no quick check").hasValue(0);
        // another workload falls back to the spin kernel's
        assertThat(WorkerCount.resolve("auto", ctx(cache, "sort-merge n=1000", 0.0, true)).workers()).isEqualTo(2);
    }

    @Test
    void nothingCachedAndNoWayToMeasureIsTheOneLineError() {
        ThresholdCache cache = new ThresholdCache(dir.resolve("none.json"));
        var c = ctx(cache, null, 0, true);
        var noMeasure = new WorkerCount.Context(c.cache(), c.machineKey(), null, c.now(), c.otherBusyNow(), c.quick(), null);
        assertThatThrownBy(() -> WorkerCount.resolve("auto", noMeasure))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(WorkerCount.NOT_CACHED);
        assertThat(WorkerCount.resolve("auto", c).source()).contains("nothing cached for this machine");
    }

    @Test
    void explicitCountsAreCheckedWithoutTouchingTheCache() {
        var c = new WorkerCount.Context(cache(), () -> {
            throw new AssertionError("no probe");
        }, null, () -> NOW, () -> 0, l -> null, null);
        assertThat(WorkerCount.resolve("2", c).workers()).isEqualTo(2);
        assertThatThrownBy(() -> WorkerCount.resolve("0", c)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> WorkerCount.resolve("many", c)).hasMessageContaining("'auto' or a positive");
    }

    @Test
    void transferUsesAtLeastTwoWorkersWhenTheMachineHasThem() {
        var one = java.util.Optional.of(entry(1, "2026-12-01T11:00:00Z", 1.0, null));
        WorkerCount.Resolved r = WorkerCount.forTransfer(2, one);
        assertThat(r.workers()).isEqualTo(2);
        assertThat(r.source()).contains("cached threshold is 1").contains("kept 1.0 CPUs busy").contains("at least 2");
        assertThat(WorkerCount.forTransfer(4, java.util.Optional.of(entry(3, "t", 0.0, null))).workers()).isEqualTo(3);
        assertThat(WorkerCount.forTransfer(2, java.util.Optional.of(entry(8, "t", 0.0, null))).workers()).isEqualTo(2);
        assertThat(WorkerCount.forTransfer(6, java.util.Optional.empty()).workers()).isEqualTo(6);
        WorkerCount.Resolved single = WorkerCount.forTransfer(1, one);
        assertThat(single.workers()).isEqualTo(1);
        assertThat(single.source()).contains("only 1 CPU").contains("not a speedup");
    }
}
