package dev.corescope.machine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineProbeTest {

    @Test
    void smtTopologyFromFixture() {
        MachineProfile p = MachineProbe.probe(Fixtures.fs("smt-machine"), false);
        assertThat(p.cpuModel()).isEqualTo("Intel(R) Xeon(R) Test CPU @ 2.00GHz");
        assertThat(p.logicalCpus()).isEqualTo(4);
        assertThat(p.physicalCores()).isEqualTo(2);
        assertThat(p.packages()).isEqualTo(1);
        assertThat(p.numaNodes()).isEqualTo(1);
        assertThat(p.smtSiblings()).containsExactly(List.of(0, 2), List.of(1, 3));
        assertThat(p.smt()).isTrue();
        assertThat(p.allowedCpus()).containsExactly(0, 2);
        assertThat(p.allowedPhysicalCores()).isEqualTo(1);
        assertThat(p.effectiveCpus()).isEqualTo(2.0);
        assertThat(p.governor()).isEqualTo("performance");
        assertThat(p.maxFreqHz()).isEqualTo(3_500_000_000L);
        assertThat(p.kernel()).isEqualTo("6.1.0-test");
        assertThat(p.hostname()).isEqualTo("bench-host");
        assertThat(p.loadAtStart().totalThreads()).isEqualTo(250);
        assertThat(p.unknown()).isEmpty();
        assertThat(p.summaryLines()).contains(
                "CPU: Intel(R) Xeon(R) Test CPU @ 2.00GHz, 1 package, 2 physical cores, 4 logical CPUs (SMT), 1 NUMA node",
                "Allowed CPUs: 0,2 (2 of 4, 1 physical core)",
                "CPU quota: none",
                "Governor: performance, max frequency: 3.50 GHz");
    }

    @Test
    void allowedListAndQuotaCombineIntoEffectiveCpus() {
        MachineProfile p = MachineProbe.probe(Fixtures.fs("cgroup-v2-quota"), false);
        assertThat(p.allowedCpus()).containsExactly(0, 2, 3);
        assertThat(p.quota().cpus()).isEqualTo(1.5);
        assertThat(p.effectiveCpus()).isEqualTo(1.5);
        // No /sys topology in this fixture: unknown, never guessed.
        assertThat(p.smtSiblings()).isNull();
        assertThat(p.allowedPhysicalCores()).isEqualTo(-1);
        assertThat(p.unknown()).contains("smtSiblings", "logicalCpus", "physicalCores", "governor", "loadAtStart")
                .doesNotContain("allowedCpus", "quota");
        assertThat(p.summaryLines()).contains("CPU quota: 1.50 CPUs (cgroup v2 cpu.max at /app 150000/100000)");
    }

    @Test
    void emptyRootGivesUnknownsNotExceptions(@TempDir Path root) {
        MachineProfile p = MachineProbe.probe(new ProcFs(root), false);
        assertThat(p.unknown()).contains("cpuModel", "logicalCpus", "physicalCores", "packages", "numaNodes",
                "smtSiblings", "allowedCpus", "quota", "loadAtStart", "kernel", "governor", "maxFreqHz", "hostname");
        assertThat(p.cpuModel()).isNull();
        assertThat(p.logicalCpus()).isEqualTo(-1);
        assertThat(p.allowedCpus()).isNull();
        assertThat(p.quota().cpus()).isNaN();
        assertThat(p.maxFreqHz()).isEqualTo(-1);
        assertThat(p.effectiveCpus()).isNaN();
        assertThat(p.smt()).isFalse();
        assertThat(p.key()).hasSize(12);
        assertThat(p.summaryLines()).contains("Allowed CPUs: unknown", "CPU quota: unknown",
                "Governor: unknown, max frequency: unknown");
    }

    @Test
    void keyDependsOnCapacityOnly() {
        MachineProfile a = MachineProbe.probe(Fixtures.fs("smt-machine"), false);
        MachineProfile b = MachineProbe.probe(Fixtures.fs("smt-machine"), false);
        MachineProfile c = MachineProbe.probe(Fixtures.fs("cgroup-v2-quota"), false);
        assertThat(a.key()).isEqualTo(b.key()).isNotEqualTo(c.key()).matches("[0-9a-f]{12}");
    }

    @Test
    void jsonRoundTrip() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String fixture : List.of("smt-machine", "cgroup-v2-quota")) {
            MachineProfile p = MachineProbe.probe(Fixtures.fs(fixture), false);
            String text = json.writeValueAsString(p);
            assertThat(text).doesNotContain("\"summaryLines\"", "\"key\"", "\"smt\"");
            MachineProfile back = json.readValue(text, MachineProfile.class);
            assertThat(back).isEqualTo(p);
        }
    }

    @Test
    void realMachine() {
        long start = System.nanoTime();
        MachineProfile p = MachineProbe.probe();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(p.logicalCpus()).isGreaterThanOrEqualTo(1);
        assertThat(p.allowedCpus()).isNotEmpty();
        assertThat(p.availableProcessors()).isGreaterThanOrEqualTo(1);
        assertThat(p.effectiveCpus()).isGreaterThan(0);
        assertThat(p.summaryLines()).isNotEmpty();
        if (Boolean.getBoolean("corescope.printProfile")) {
            System.out.println("probe() took " + millis + " ms");
            p.summaryLines().forEach(System.out::println);
        }
    }
}
