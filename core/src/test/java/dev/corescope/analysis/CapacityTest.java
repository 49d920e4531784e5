package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.machine.CpuQuota;
import dev.corescope.machine.MachineProfile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityTest {
    static MachineProfile profile(int cores, boolean smt, List<Integer> allowed, CpuQuota quota) {
        List<List<Integer>> siblings = new ArrayList<>();
        for (int c = 0; c < cores; c++) {
            siblings.add(smt ? List.of(c, c + cores) : List.of(c));
        }
        int logical = smt ? 2 * cores : cores;
        return new MachineProfile("test", logical, cores, 1, 1, siblings, allowed, quota, logical, null, "17", "t",
                List.of(), "Linux", "k", "performance", -1, "h", List.of());
    }

    static List<Integer> range(int n) {
        List<Integer> r = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            r.add(i);
        }
        return r;
    }

    @Test
    void plainMachineIsItsCpus() {
        Capacity c = Capacity.of(profile(8, false, range(8), CpuQuota.unlimited(100000, "t")));
        assertThat(c.predictedWorkers()).isEqualTo(8);
        assertThat(c.limitedBy()).isEqualTo("logical CPUs");
        assertThat(c.pinCpus()).isEqualTo(range(8));
    }

    @Test
    void smtSiblingsCountOncePinnedToOnePerCore() {
        Capacity c = Capacity.of(profile(4, true, range(8), CpuQuota.unlimited(100000, "t")));
        assertThat(c.predictedWorkers()).isEqualTo(4);
        assertThat(c.limitedBy()).isEqualTo("physical cores (SMT)");
        assertThat(c.pinCpus()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void affinityRestrictsToTheAllowedCpus() {
        Capacity c = Capacity.of(profile(8, false, List.of(0, 5), CpuQuota.unlimited(100000, "t")));
        assertThat(c.predictedWorkers()).isEqualTo(2);
        assertThat(c.limitedBy()).isEqualTo("CPU affinity");
        assertThat(c.pinCpus()).containsExactly(0, 5);
    }

    @Test
    void smtSiblingsInsideTheAffinityMaskCountOnce() {
        // CPUs 0 and 4 are siblings of core 0: two allowed CPUs, one core
        Capacity c = Capacity.of(profile(4, true, List.of(0, 4), CpuQuota.unlimited(100000, "t")));
        assertThat(c.predictedWorkers()).isEqualTo(1);
    }

    @Test
    void fractionalQuotaRoundsDownButNeverBelowOne() {
        assertThat(Capacity.of(profile(8, false, range(8), CpuQuota.limited(250000, 100000, "t"))).predictedWorkers())
                .isEqualTo(2);
        Capacity half = Capacity.of(profile(8, false, range(8), CpuQuota.limited(50000, 100000, "t")));
        assertThat(half.predictedWorkers()).isEqualTo(1);
        assertThat(half.limitedBy()).isEqualTo("CPU quota");
    }

    @Test
    void measuredOtherLoadTakesCores() {
        Capacity c = Capacity.of(profile(4, false, range(4), CpuQuota.unlimited(100000, "t")), 1.2);
        assertThat(c.predictedWorkers()).isEqualTo(3);
        assertThat(c.limitedBy()).isEqualTo("other load");
        assertThat(Capacity.of(profile(4, false, range(4), CpuQuota.unlimited(100000, "t")), 0.2).predictedWorkers())
                .isEqualTo(4);
    }
}
