package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.corescope.machine.MachineSpec;
import dev.corescope.sim.SimulatedMachine;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cache's checks run unchanged on a simulated machine: its watch of other work and its quick check, which
 * sees the worst-off worker (one hogged CPU of 64) and the CPUs' cap (a quota set since).
 */
class CacheCheckSimulatedTest {
    private static CacheCheck.QuickCheck.Result check(MachineSpec spec, int level) {
        SimulatedMachine m = SimulatedMachine.of(spec);
        return new SpinQuickCheck(m, m::profile).check(level);
    }

    @Test
    void theWatchSeesTheSimulatedOtherWork() {
        SimulatedMachine m = SimulatedMachine.of(MachineSpec.cores(8).busy(1).background(0.5));
        long before = m.nanoTime();
        assertThat(CacheCheck.otherBusyNow(m, List.of())).isCloseTo(1.5, within(0.3));
        assertThat(m.nanoTime() - before).isEqualTo(CacheCheck.WATCH.toNanos());
        assertThat(CacheCheck.otherBusyNow(SimulatedMachine.of(MachineSpec.cores(8)), List.of())).isZero();
    }

    @Test
    void theQuickCheckPassesAFreeMachineAndFailsAQuotaBelowTheLevel() {
        assertThat(check(MachineSpec.cores(8), 8).clean()).isTrue();
        // a quota of 4 CPUs: 8 workers are more than the CPUs allow, whatever a few short rounds show
        var r = check(MachineSpec.cores(8).quota(4.0), 8);
        assertThat(r.clean()).as(r.detail()).isFalse();
        assertThat(r.detail()).contains("the CPUs allow at most 4 CPU-bound workers now (a CPU quota of 4.00 CPUs)");
        assertThat(check(MachineSpec.cores(8).quota(1.0), 8).clean()).isFalse();
        // at or below the quota the check times as usual
        assertThat(check(MachineSpec.cores(8).quota(4.0), 4).clean()).isTrue();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void theQuickCheckCatchesOneHoggedCpuOf64(long seed) {
        // the worker pinned beside the hog takes twice as long; the median of all 384 tasks does not move
        var r = check(MachineSpec.cores(64).busy(17).seed(seed), 64);
        assertThat(r.clean()).as(r.detail()).isFalse();
        assertThat(r.detail()).contains("CPU 17");
        // a threshold of 63 measured with that CPU busy still holds: the check pins to the idle CPUs first
        var fewer = check(MachineSpec.cores(64).busy(17).seed(seed), 63);
        assertThat(fewer.clean()).as(fewer.detail()).isTrue();
        assertThat(check(MachineSpec.cores(64).seed(seed), 64).clean()).isTrue();
    }
}
