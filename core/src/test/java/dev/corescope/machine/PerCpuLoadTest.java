package dev.corescope.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Per-CPU load from the {@code cpuN} lines of {@code /proc/stat}, as the kernel writes them. */
class PerCpuLoadTest {
    private static final String BEFORE = """
            cpu  300 0 100 1000 10 0 0 0 0 0
            cpu0 200 0 50 400 5 0 0 0 0 0
            cpu1 100 0 50 600 5 0 0 0 0 0
            intr 1 2 3
            """;
    private static final String AFTER = """
            cpu  400 0 100 1200 10 0 0 0 0 0
            cpu0 290 0 50 410 5 0 0 0 0 0
            cpu1 110 0 50 790 5 0 0 0 0 0
            """;

    @Test
    void busyFractionOfEachCpuBetweenTwoSnapshots() {
        PerCpuLoad a = PerCpuLoad.parse(BEFORE).orElseThrow();
        PerCpuLoad b = PerCpuLoad.parse(AFTER).orElseThrow();
        double[] busy = b.busySince(a);
        assertThat(busy).hasSize(2);
        assertThat(busy[0]).isCloseTo(0.9, within(1e-12));   // 90 busy of 100 ticks
        assertThat(busy[1]).isCloseTo(0.05, within(1e-12));  // 10 of 200
    }

    @Test
    void unreadableIsEmptyAndMissingCpusAreNaN() {
        assertThat(PerCpuLoad.parse("cpu  1 2 3 4\n")).isEmpty();
        assertThat(PerCpuLoad.parse("cpu0 x\n")).isEmpty();
        PerCpuLoad one = PerCpuLoad.parse("cpu1 1 0 0 1 0 0 0 0\n").orElseThrow();
        PerCpuLoad later = PerCpuLoad.parse("cpu1 2 0 0 2 0 0 0 0\ncpu3 5 0 0 5 0 0 0 0\n").orElseThrow();
        double[] busy = later.busySince(one);
        assertThat(busy[0]).isNaN();
        assertThat(busy[1]).isCloseTo(0.5, within(1e-12));
        assertThat(busy[3]).isNaN();
    }
}
