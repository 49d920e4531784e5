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

    /** 4 cores with SMT siblings (0,4) (1,5) (2,6) (3,7), all allowed. */
    static MachineProfile smtAll() {
        return new MachineProfile("cpu", 8, 4, 1, 1, List.of(List.of(0, 4), List.of(1, 5), List.of(2, 6), List.of(3, 7)),
                List.of(0, 1, 2, 3, 4, 5, 6, 7), null, 8, null, "17", "v", List.of(), "Linux", "6", null, -1, "h", List.of());
    }

    @Test
    void theCpusOtherProgramsLeaveIdleComeFirst() {
        double[] load = new double[8];
        load[1] = 1.0;   // a program spinning on CPU 1: core 1 is busy
        load[6] = 0.6;   // another half-busy on CPU 6: core 2 is busy too
        CpuAssignment a = CpuAssignment.of(smtAll(), load);
        // idle cores first (0 and 3), then the busy ones' less busy siblings (5 for core 1, 2 for core 2), then the rest
        assertThat(a.cpus()).containsExactly(0, 3, 2, 5, 4, 7, 6, 1);
        assertThat(a.busy()).containsExactly(1, 6);
        // without load, or with an unreadable one, the order is the topology's
        assertThat(CpuAssignment.of(smtAll(), null).cpus()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(CpuAssignment.of(smtAll(), new double[] {Double.NaN}).cpus()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void noTwoWorkersShareACpuUpToTheCpusAndPastThemItSaysWhere() {
        CpuAssignment a = new CpuAssignment(List.of(0, 1, 2, 3));
        for (int p = 1; p <= 4; p++) {
            assertThat(a.doubledUp(p)).isEmpty();
            assertThat(a.sharing(p)).isEmpty();
        }
        assertThat(a.doubledUp(5)).containsExactly(java.util.Map.entry(0, 2));
        assertThat(a.sharing(5)).isEqualTo("5 workers on 4 CPUs: CPU 0 runs 2");
        assertThat(a.sharing(6)).isEqualTo("6 workers on 4 CPUs: CPUs 0-1 run 2 each");
        assertThat(a.sharing(9)).isEqualTo("9 workers on 4 CPUs: CPUs 1-3 run 2 each, CPU 0 runs 3");
        assertThat(a.describe(5)).endsWith("worker 5 -> CPU 0 (5 workers on 4 CPUs: CPU 0 runs 2)");
        assertThat(CpuAssignment.NONE.sharing(9)).isEmpty();
    }
}
