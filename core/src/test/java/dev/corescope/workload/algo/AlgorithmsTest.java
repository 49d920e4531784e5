package dev.corescope.workload.algo;

import dev.corescope.api.TaskInput;
import dev.corescope.api.Workload;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class AlgorithmsTest {

    @Test
    void namesListsEveryWorkload() {
        assertThat(Algorithms.names()).containsExactly(
                "sort-insertion", "sort-merge", "sort-quick", "sort-heap", "sort-jdk",
                "matmul-naive", "matmul-ikj", "matmul-blocked", "transfer");
    }

    @Test
    void everyFactoryBuildsAWorkingWorkloadOfItsName() {
        Map<String, Function<Map<String, String>, Workload>> registry = new LinkedHashMap<>();
        Algorithms.registerAll(registry::put);

        assertThat(registry.keySet()).containsExactlyElementsOf(Algorithms.names());
        registry.forEach((name, factory) -> {
            Workload workload = factory.apply(Map.of("loops", "10", "bytes", "16"));
            assertThat(workload.name()).isEqualTo(name);
            workload.run(new TaskInput(0, 20, 1));
        });
    }
}
