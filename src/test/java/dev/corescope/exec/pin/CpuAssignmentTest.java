package dev.corescope.exec.pin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.machine.MachineProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pure: invented machines, no pinning. */
class CpuAssignmentTest {
    /** 4 cores with SMT siblings (0,4) (1,5) (2,6) (3,7); the process may use 1,2,4,5,6. */
    static MachineProfile smt() {
        return new MachineProfile("cpu", 8, 4, 1, 1, List.of(List.of(0, 4), List.of(1, 5), List.of(2, 6), List.of(3, 7)),
                List.of(1, 2, 4, 5, 6), null, 5, null, "17", "v", List.of(), "Linux", "6", null, -1, "h", List.of());
    }

    @Test
    void oneAllowedCpuPerPhysicalCoreFirstThenTheSiblings() {
        CpuAssignment a = CpuAssignment.of(smt());
        assertThat(a.cpus()).containsExactly(4, 1, 2, 5, 6);
        assertThat(a.describe(3)).isEqualTo("worker 1 -> CPU 4, worker 2 -> CPU 1, worker 3 -> CPU 2");
    }

    @Test
    void slotsWrapAroundAndAReplacementKeepsItsSlotsCpu() {
        CpuAssignment a = new CpuAssignment(List.of(0, 1));
        assertThat(a.cpuOf(0)).isEqualTo(0);
        assertThat(a.cpuOf(1)).isEqualTo(1);
        assertThat(a.cpuOf(2)).isEqualTo(0);
        // the CPU depends on the slot only, not on how many workers were started before
        assertThat(a.cpuOf(1)).isEqualTo(a.cpuOf(1 + 2 * a.cpus().size()));
    }

    @Test
    void unknownAllowedCpusPinNothing() {
        MachineProfile p = new MachineProfile("cpu", 8, 4, 1, 1, null, null, null, 8, null, "17", "v", List.of(),
                "Linux", "6", null, -1, "h", List.of());
        assertThat(CpuAssignment.of(p).pins()).isFalse();
        assertThat(CpuAssignment.of(null)).isEqualTo(CpuAssignment.NONE);
        assertThat(CpuAssignment.NONE.cpuOf(3)).isEqualTo(-1);
        assertThat(CpuAssignment.NONE.describe(2)).isEqualTo("workers not pinned");
    }
}
