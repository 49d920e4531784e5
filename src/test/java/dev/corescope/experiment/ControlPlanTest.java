package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corescope.experiment.ControlPlan.Parallel;
import dev.corescope.experiment.ControlPlan.Solo;
import dev.corescope.workload.TaskInput;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ControlPlanTest {
    static List<TaskInput> tasks(List<Long> sizes, int repeats) {
        return AssessTasks.shuffled(AssessTasks.inOrder(sizes, repeats, repeats, 42), 7);
    }

    @Test
    void everyTaskRunsOnceInParallelAndControlsAreTheSameTasks() {
        List<TaskInput> order = tasks(List.of(250L), 200);
        ControlPlan plan = ControlPlan.of(order, 2, ControlPlan.Shares.DEFAULT, 1);
        assertThat(plan.parallelTasks()).containsExactlyElementsOf(order);
        assertThat(order).containsAll(plan.controls());
        assertThat(new HashSet<>(plan.controls())).hasSameSizeAs(plan.controls());
        int base = plan.steps().stream().filter(s -> s instanceof Solo).mapToInt(s -> ((Solo) s).base().size()).sum();
        int extra = plan.steps().stream().filter(s -> s instanceof Solo).mapToInt(s -> ((Solo) s).extra().size()).sum();
        assertThat(base).isEqualTo(10);   // 5% of 200
        assertThat(extra).isEqualTo(30);  // 15% of 200
    }

    @Test
    void soloBlocksAreSpreadOverTheWholeRunOnRandomWorkers() {
        List<TaskInput> order = tasks(List.of(250L), 400);
        ControlPlan plan = ControlPlan.of(order, 3, ControlPlan.Shares.DEFAULT, 5);
        int position = 0;
        int block = 0;
        long blocks = plan.steps().stream().filter(s -> s instanceof Solo).count();
        Set<Integer> workers = new HashSet<>();
        for (var s : plan.steps()) {
            if (s instanceof Parallel p) {
                position += p.tasks().size();
            } else {
                Solo solo = (Solo) s;
                // block i starts inside the i-th stretch of the run
                assertThat(position).isBetween((int) (block * 400 / blocks), (int) ((block + 1) * 400 / blocks));
                assertThat(solo.worker()).isBetween(0, 2);
                workers.add(solo.worker());
                block++;
            }
        }
        assertThat(blocks).isEqualTo(7);
        assertThat(workers).hasSizeGreaterThan(1);
    }

    @Test
    void everySizeGetsControls() {
        List<Long> sizes = List.of(50L, 100L, 150L, 200L, 250L, 300L, 350L, 400L, 450L, 500L);
        ControlPlan plan = ControlPlan.of(tasks(sizes, 30), 2, ControlPlan.Shares.DEFAULT, 3);
        Map<Long, Long> perSize = plan.controls().stream()
                .collect(Collectors.groupingBy(TaskInput::size, Collectors.counting()));
        assertThat(perSize.keySet()).containsExactlyInAnyOrderElementsOf(sizes);
        perSize.values().forEach(n -> assertThat(n).isGreaterThanOrEqualTo(2));
    }

    @Test
    void smallRunsGetAtLeastTheMinimumOfControls() {
        ControlPlan plan = ControlPlan.of(tasks(List.of(10L), 12), 2, ControlPlan.Shares.DEFAULT, 3);
        int base = plan.steps().stream().filter(s -> s instanceof Solo).mapToInt(s -> ((Solo) s).base().size()).sum();
        assertThat(base).isEqualTo(10);
        assertThat(plan.parallelTasks()).hasSize(12);
    }

    @Test
    void deterministicForASeedAndDifferentForAnother() {
        List<TaskInput> order = tasks(List.of(100L, 200L), 50);
        assertThat(ControlPlan.of(order, 2, ControlPlan.Shares.DEFAULT, 9))
                .isEqualTo(ControlPlan.of(order, 2, ControlPlan.Shares.DEFAULT, 9))
                .isNotEqualTo(ControlPlan.of(order, 2, ControlPlan.Shares.DEFAULT, 10));
    }

    @Test
    void oneWorkerNeedsNoControls() {
        assertThatThrownBy(() -> ControlPlan.of(tasks(List.of(10L), 5), 1, ControlPlan.Shares.DEFAULT, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
