package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.machine.MachineProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class PinningTest {
    /** 4 cores with SMT siblings (0,4) (1,5) (2,6) (3,7); the process may use 1,2,4,5,6. */
    private static MachineProfile smt() {
        return new MachineProfile("cpu", 8, 4, 1, 1, List.of(List.of(0, 4), List.of(1, 5), List.of(2, 6), List.of(3, 7)),
                List.of(1, 2, 4, 5, 6), null, 5, null, "17", "v", List.of(), "Linux", "6", null, -1, "h", List.of());
    }

    @Test
    void oneAllowedCpuPerPhysicalCore() {
        assertThat(Pinning.oneCpuPerCore(smt())).containsExactly(4, 1, 2);
    }

    @Test
    void processesArePinnedToDistinctCoresWhenThereAreEnough() {
        Pinning.Plan p = Pinning.plan("processes", 2, smt(), true, false);
        assertThat(p.pinned()).isTrue();
        assertThat(p.cpus()).containsExactly(4, 1);
        assertThat(p.message()).contains("worker 1 -> CPU 4", "worker 2 -> CPU 1");
    }

    @Test
    void saysWhyNotOtherwise() {
        assertThat(Pinning.plan("processes", 4, smt(), true, false).message()).contains("only 3 physical core");
        assertThat(Pinning.plan("processes", 2, smt(), false, false).message()).contains("taskset is not available");
        assertThat(Pinning.plan("processes", 2, smt(), true, true).message()).contains("--no-pin");
        Pinning.Plan threads = Pinning.plan("threads", 2, smt(), true, false);
        assertThat(threads.pinned()).isFalse();
        assertThat(threads.message()).startsWith("threads are not pinned");
    }
}
