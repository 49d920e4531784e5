package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.corescope.experiment.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The estimate of the time left, on an injected clock. */
class EtaTest {
    private static final long S = 1_000_000_000L;

    @Test
    void theRateIsMeasuredAfterTheFirstStepSoThatSetUpDoesNotCount() {
        AtomicLong now = new AtomicLong();
        Eta eta = new Eta(10, now::get);
        now.set(30 * S); // 30 s of set-up (workers, calibration, warm-up) and the first step
        eta.add(1);
        assertThat(eta.remainingSeconds().getAsDouble()).isCloseTo(270, within(1e-9)); // until a second step: from the start
        now.set(32 * S);
        eta.add(1); // then 2 s a step
        assertThat(eta.remainingSeconds().getAsDouble()).isCloseTo(16, within(1e-9));
        assertThat(eta.fraction()).isEqualTo(0.2);
    }

    @Test
    void weightedStepsGiveTheTimeLeftWhenStepsDifferInLength() {
        AtomicLong now = new AtomicLong();
        // a sweep to 4 workers on 2 CPUs: levels 1, 2 take one task's time (100 units), 3 and 4 take 150 and 200
        Eta eta = new Eta(100 + 100 + 150 + 200, now::get);
        now.set(S);
        eta.add(100);
        now.set(2 * S);
        eta.add(100); // 100 units a second
        assertThat(eta.remainingSeconds().getAsDouble()).isCloseTo(3.5, within(1e-9));
        assertThat(eta.status()).isEqualTo("36%, 2.0 s, about 4 s left");
    }

    @Test
    void noEstimateWithoutATotalOrBeforeAnyStep() {
        AtomicLong now = new AtomicLong();
        assertThat(new Eta(10, now::get).remainingSeconds()).isEmpty();
        Eta unknown = new Eta(0, now::get);
        unknown.add(1);
        assertThat(unknown.remainingSeconds()).isEmpty();
        now.set(12 * S);
        assertThat(unknown.status()).isEqualTo("12.0 s");
    }

    @Test
    void plainLinesSayTheShareTheTimeAndTheTimeLeft() {
        AtomicLong now = new AtomicLong();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = ConsoleProgress.plain("sweep", 4, new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);
        now.set(S / 2);
        p.step("workers 1", 1);
        now.set(75 * S);
        p.step("workers 2", 1);
        now.set(200 * S);
        p.step("workers 3", 2);
        assertThat(bytes.toString(StandardCharsets.UTF_8).split("\n")).containsExactly(
                "sweep 25%, 0.5 s: workers 1",
                "sweep 50%, 1m 15s, about 2m 29s left: workers 2",
                "sweep 100%, 3m 20s: workers 3");
    }

    @Test
    void theBarLineFitsItsWidth() {
        AtomicLong now = new AtomicLong();
        Eta eta = new Eta(4, now::get);
        now.set(2 * S);
        eta.add(1);
        now.set(4 * S);
        eta.add(1);
        String line = ConsoleProgress.render("rounds", eta, "workers 2, queue", 200);
        assertThat(line).isEqualTo("rounds [==========          ] 50%, 4.0 s, about 4 s left: workers 2, queue");
        assertThat(ConsoleProgress.render("rounds", eta, "workers 2, queue", 40)).hasSize(40).endsWith("...");
    }
}
