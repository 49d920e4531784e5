package dev.corescope.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClockSyncTest {
    @Test
    void theOffsetIsTheShortestRoundTripsMidpoint() {
        assertThat(ClockSync.offsetOf(1_000, 200, 5_000)).isEqualTo(1_000 + 100 - 5_000);
    }

    @Test
    void anotherClockFiveSecondsAheadIsMappedBackWithinTheBestRoundTrip() throws Exception {
        long ahead = 5_000_000_000L;
        AtomicInteger round = new AtomicInteger();
        ClockSync sync = ClockSync.measure(4, () -> {
            if (round.getAndIncrement() == 0) {
                Thread.sleep(30); // a slow first round trip must not be the one used
            }
            return System.nanoTime() + ahead;
        });
        assertThat(round.get()).isEqualTo(4);
        assertThat(sync.bestRoundTripNanos()).isLessThan(30_000_000L);
        assertThat(Math.abs(sync.offsetNanos() + ahead)).isLessThanOrEqualTo(sync.bestRoundTripNanos());
    }
}
