package dev.corescope.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AlgorithmWorkloadTest {
    @Test
    void everyAlgorithmIsReachableThroughTheRegistryByItsSpecText() {
        for (String name : AlgorithmWorkload.known()) {
            WorkloadSpec spec = AlgorithmWorkload.spec(name, Map.of());
            Workload w = Workloads.create(WorkloadSpec.parse(spec.text()));
            assertThat(w.name()).isEqualTo(name);
        }
    }

    @Test
    void sameSeedSameInputForEveryMatmulVariant() {
        TaskInput in = new TaskInput(0, 40, 123);
        long naive = Workloads.create(AlgorithmWorkload.spec("matmul-naive", Map.of())).run(in).checksum();
        long ikj = Workloads.create(AlgorithmWorkload.spec("matmul-ikj", Map.of())).run(in).checksum();
        assertThat(ikj).isEqualTo(naive);
    }

    @Test
    void unknownAlgorithmListsTheKnownOnes() {
        assertThatThrownBy(() -> new AlgorithmWorkload(Map.of("algorithm", "bogo")))
                .hasMessageStartingWith("unknown algorithm 'bogo' (known: ").hasMessageContaining("matmul-naive");
    }
}
