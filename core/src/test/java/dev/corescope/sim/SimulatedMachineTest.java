package dev.corescope.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.corescope.exec.Machine;
import dev.corescope.machine.CpuQuota;
import dev.corescope.machine.MachineProfile;
import dev.corescope.machine.MachineSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulated machine behind the seam: its profile is read from its own /proc and /sys by the real
 * readers, its clock is simulated time, and its /proc/stat shows the other programs' load.
 */
class SimulatedMachineTest {
    @Test
    void theProfileShowsTheSimulatedTopologyQuotaAndLoad() {
        MachineSpec spec = MachineSpec.cores(4).smt(1.3).quota(2.5).busy(5).background(0.5);
        MachineProfile p = SimulatedMachine.of(spec).profile();
        assertThat(p.simulated()).isEqualTo(spec);
        assertThat(p.logicalCpus()).isEqualTo(8);
        assertThat(p.physicalCores()).isEqualTo(4);
        assertThat(p.smtSiblings()).containsExactly(List.of(0, 4), List.of(1, 5), List.of(2, 6), List.of(3, 7));
        assertThat(p.allowedCpus()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(p.quota().cpus()).isEqualTo(2.5);
        assertThat(p.quota().describe()).contains("cgroup v2 cpu.max");
        assertThat(p.availableProcessors()).isEqualTo(3);
        assertThat(p.loadAtStart().load1()).isEqualTo(1.5);
        assertThat(p.cpuModel()).isEqualTo("SIMULATED CPU");
        assertThat(p.summaryLines().get(0)).startsWith("SIMULATED machine: 4 cores × 2 threads");
        assertThat(p.key()).isNotEqualTo(SimulatedMachine.of(spec.seed(2)).profile().key());
        MachineProfile plain = SimulatedMachine.of(MachineSpec.cores(2)).profile();
        assertThat(plain.smt()).isFalse();
        assertThat(plain.quota()).isEqualTo(CpuQuota.unlimited(100_000, "cgroup v2 cpu.max at /simulated"));
    }

    @Test
    void theClockIsSimulatedTimeThatSleepsMove() throws Exception {
        Machine m = SimulatedMachine.of(MachineSpec.cores(2));
        assertThat(m.nanoTime()).isZero();
        m.sleep(Duration.ofMillis(250));
        assertThat(m.nanoTime()).isEqualTo(250_000_000L);
        assertThat(m.awaitJitQuiet(2000)).isZero();
        assertThat(m.nanoTime()).isEqualTo(250_000_000L);
    }

    @Test
    void procStatShowsTheOtherProgramsPerCpuAndInAll() {
        Machine m = SimulatedMachine.of(MachineSpec.cores(4).busy(2).background(1.5).seed(3));
        double[] busy = m.cpuBusy(Duration.ofSeconds(2)).orElseThrow();
        assertThat(busy[2]).isCloseTo(1.0, within(0.01));
        assertThat(busy[0] + busy[1] + busy[3]).as("the unpinned 1.5 CPUs on the free ones").isCloseTo(1.5, within(0.2));
        var before = m.cpuAccounting(List.of()).orElseThrow();
        try {
            m.sleep(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        var after = m.cpuAccounting(List.of()).orElseThrow();
        assertThat(before.otherBusyCpus(after)).isCloseTo(2.5, within(0.2));
    }
}
