package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.api.TaskInput;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlPlanTest {
    static List<TaskInput> tasks(List<Long> sizes, int repeats) {
        return AssessTasks.shuffled(AssessTasks.inOrder(sizes, repeats, repeats, 42), 7);
    }

    @Test
    void everyTaskRunsOnceInParallelAndEachControlIsATaskOfItsOwnStretch() {
        List<TaskInput> order = tasks(List.of(250L), 200);
        ControlPlan plan = ControlPlan.of(order, ControlPlan.Shares.DEFAULT, 1);
        assertThat(plan.parallelTasks()).containsExactlyElementsOf(order);
        assertThat(plan.controls()).hasSize(30); // max(30, 5% of 200)
        assertThat(new HashSet<>(plan.controls())).hasSameSizeAs(plan.controls());
        assertThat(plan.blocks()).hasSize(10);
        for (ControlPlan.Block b : plan.blocks()) {
            assertThat(b.parallel()).containsAll(b.controls());
            assertThat(b.controls()).hasSize(3);
            assertThat(b.parallel()).hasSize(20);
        }
    }

    @Test
    void largeRunsTakeTheirShareInAtMostTenBlocks() {
        List<TaskInput> order = tasks(List.of(100L, 200L, 300L, 400L), 500);
        ControlPlan plan = ControlPlan.of(order, ControlPlan.Shares.DEFAULT, 5);
        assertThat(plan.controls()).hasSize(100);
        assertThat(plan.blocks()).hasSize(10).allMatch(b -> b.controls().size() == 10 && b.parallel().size() == 200);
    }

    @Test
    void smallRunsHaveAtLeastThreeBlocks() {
        ControlPlan plan = ControlPlan.of(tasks(List.of(10L), 12), ControlPlan.Shares.DEFAULT, 3);
        assertThat(plan.blocks()).hasSize(4);
        assertThat(plan.parallelTasks()).hasSize(12);
        assertThat(plan.controls()).hasSize(12);
        ControlPlan tiny = ControlPlan.of(tasks(List.of(10L), 2), ControlPlan.Shares.DEFAULT, 3);
        assertThat(tiny.blocks()).hasSize(2);
    }

    @Test
    void anExtensionRunsTheSameTasksAgainInAnotherOrder() {
        List<TaskInput> order = tasks(List.of(100L, 200L), 50);
        ControlPlan more = ControlPlan.extension(order, ControlPlan.Shares.DEFAULT, 4);
        assertThat(more.parallelTasks()).containsExactlyInAnyOrderElementsOf(order).isNotEqualTo(order);
        assertThat(more.blocks()).hasSize(10);
    }

    @Test
    void deterministicForASeedAndDifferentForAnother() {
        List<TaskInput> order = tasks(List.of(100L, 200L), 50);
        assertThat(ControlPlan.of(order, ControlPlan.Shares.DEFAULT, 9))
                .isEqualTo(ControlPlan.of(order, ControlPlan.Shares.DEFAULT, 9))
                .isNotEqualTo(ControlPlan.of(order, ControlPlan.Shares.DEFAULT, 10));
    }
}
