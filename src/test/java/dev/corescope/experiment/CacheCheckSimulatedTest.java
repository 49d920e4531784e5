package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.corescope.exec.pin.CpuAssignment;
import dev.corescope.machine.MachineSpec;
import dev.corescope.sim.SimulatedMachine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache's checks run unchanged on a simulated machine: its watch of other work and its quick check. */
class CacheCheckSimulatedTest {
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
        SimulatedMachine free = SimulatedMachine.of(MachineSpec.cores(8));
        assertThat(new SpinQuickCheck(free, () -> CpuAssignment.of(free.profile())).check(8).clean()).isTrue();
        // (a quota of 4 CPUs passes at ×1.01: its 12 ms tasks use up a period's quota in one round of six; issue 23)
        SimulatedMachine quota = SimulatedMachine.of(MachineSpec.cores(8).quota(1.0));
        var r = new SpinQuickCheck(quota, () -> CpuAssignment.of(quota.profile())).check(8);
        assertThat(r.clean()).as(r.detail()).isFalse();
    }
}
