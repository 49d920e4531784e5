package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.api.TaskInput;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssessTasksTest {
    @Test
    void seedDependsOnlyOnSizeAndRepeat() {
        assertThat(AssessTasks.seed(42, 250, 3)).isEqualTo(AssessTasks.seed(42, 250, 3));
        Set<Long> seeds = new HashSet<>();
        for (long n : List.of(50L, 100L, 250L)) {
            for (int r = 0; r < 100; r++) {
                seeds.add(AssessTasks.seed(42, n, r));
            }
        }
        assertThat(seeds).hasSize(300);
        assertThat(AssessTasks.seed(43, 250, 3)).isNotEqualTo(AssessTasks.seed(42, 250, 3));
    }

    @Test
    void indexIsSizeMajorAndTheSampleIsASubsetWithTheSameInputs() {
        List<Long> sizes = List.of(10L, 20L, 30L);
        List<TaskInput> all = AssessTasks.inOrder(sizes, 5, 5, 1);
        assertThat(all).hasSize(15);
        for (TaskInput t : all) {
            int s = t.index() / 5;
            int r = AssessTasks.repeatOf(t.index(), 5);
            assertThat(t.size()).isEqualTo(sizes.get(s));
            assertThat(t.seed()).isEqualTo(AssessTasks.seed(1, t.size(), r));
        }
        List<TaskInput> sample = AssessTasks.inOrder(sizes, 5, 2, 1);
        assertThat(sample).hasSize(6);
        assertThat(all).containsAll(sample);
    }

    @Test
    void shuffleIsASeededPermutation() {
        List<TaskInput> all = AssessTasks.inOrder(List.of(1L, 2L, 3L, 4L), 10, 10, 1);
        List<TaskInput> a = AssessTasks.shuffled(all, 7);
        assertThat(a).containsExactlyInAnyOrderElementsOf(all).isNotEqualTo(all);
        assertThat(AssessTasks.shuffled(all, 7)).isEqualTo(a);
        // the first quarter of the run is not one size
        assertThat(a.subList(0, 10).stream().map(TaskInput::size).distinct().count()).isGreaterThan(1);
    }
}
