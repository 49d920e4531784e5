package dev.corescope.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Built-ins declare their parameters (unknown keys refused, the known ones listed) and their memory. */
class BuiltInTest {
    @Test
    void everyBuiltInDeclaresItself() {
        for (String name : Workloads.builtIns()) {
            assertThat(Workloads.builtIn(name)).as(name).isPresent();
            assertThat(Workloads.builtIn(name).get().name()).isEqualTo(name);
        }
        assertThat(Workloads.builtIn("com.example.Mine")).isEmpty();
    }

    @Test
    void anUnknownParameterKeyIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> Workloads.create(new WorkloadSpec("sort-jdk", Map.of("ordr", "sorted"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown parameter 'ordr' for sort-jdk (known: order = ");
        assertThatThrownBy(() -> Workloads.create(new WorkloadSpec("matmul-ikj", Map.of("block", "8"))))
                .hasMessage("unknown parameter 'block' for matmul-ikj (it takes no parameters)");
        assertThatThrownBy(() -> Workloads.create(new WorkloadSpec("transfer", Map.of("size", "8"))))
                .hasMessageContaining("known: loops = ").hasMessageContaining("; bytes = ");
        assertThat(Workloads.create(new WorkloadSpec("sort-jdk", Map.of("order", "sorted"))).name()).isEqualTo("sort-jdk");
        assertThat(Workloads.create(new WorkloadSpec("matmul-blocked", Map.of("block", "8"))).name())
                .isEqualTo("matmul-blocked");
        assertThat(Workloads.create(SpinWorkload.spec(10)).name()).isEqualTo("spin");
    }

    @Test
    void memoryPerTaskFollowsWhatTheTaskAllocates() {
        var sort = Workloads.builtIn("sort-quick").get().taskMemory(1000, Map.of());
        assertThat(sort.workingBytes()).isEqualTo(4 * 1000 + 16);
        assertThat(Workloads.builtIn("sort-merge").get().taskMemory(1000, Map.of()).workingBytes())
                .isEqualTo(2 * (4 * 1000 + 16));
        var mm = Workloads.builtIn("matmul-naive").get().taskMemory(100, Map.of());
        assertThat(mm.workingBytes()).isEqualTo(3 * (8 * 100 * 100 + 16));
        assertThat(mm.returnedBytes()).isZero();
        var t = Workloads.builtIn("transfer").get().taskMemory(0, Map.of("bytes", "4096"));
        assertThat(t.returnedBytes()).isEqualTo(4096 + 16);
        assertThat(Workloads.builtIn("spin").get().taskMemory(1, Map.of())).isEqualTo(BuiltIn.TaskMemory.NONE);
        assertThatThrownBy(() -> Workloads.builtIn("matmul-ikj").get().checkSize(46_341))
                .hasMessageContaining("at most 46340");
    }
}
