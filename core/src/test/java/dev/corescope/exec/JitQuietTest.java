package dev.corescope.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** An invented compile-time counter and clock: no real JIT, no timing assertions. */
class JitQuietTest {
    @Test
    void returnsOnceTheCounterStopsMoving() {
        AtomicLong clock = new AtomicLong();
        AtomicLong compiled = new AtomicLong();
        long waited = JitQuiet.await(() -> {
            long now = clock.get() / 1_000_000;
            return now < 200 ? compiled.addAndGet(3) : compiled.get(); // compiling for 200 ms
        }, () -> clock.addAndGet(10_000_000), 5_000);
        assertThat(waited).isBetween(200L, 200L + 2 * JitQuiet.QUIET_MILLIS);
    }

    @Test
    void givesUpAtTheBound() {
        AtomicLong clock = new AtomicLong();
        AtomicLong compiled = new AtomicLong();
        long waited = JitQuiet.await(compiled::incrementAndGet, () -> clock.addAndGet(10_000_000), 300);
        assertThat(waited).isBetween(300L, 320L);
    }
}
