package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corescope.experiment.AssessExperiment;
import dev.corescope.workload.CommandWorkload;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several {@code --cmd}, their {@code --command-name}s and {@code --prepare}s, as workloads. */
class CommandListTest {
    private static CommandWorkload cmd(AssessExperiment.Algo a) {
        return new CommandWorkload(a.spec().params());
    }

    @Test
    void namesPairWithCommandsInOrder() {
        var algos = CommandList.of(List.of("true {n}", "sleep 0"), List.of("fast", "slow"), null);
        assertThat(algos).extracting(AssessExperiment.Algo::label).containsExactly("fast", "slow");
        assertThat(cmd(algos.get(1)).template()).isEqualTo("sleep 0");
        assertThat(algos.get(0).spec().params()).doesNotContainKey(CommandWorkload.PREPARE);
    }

    @Test
    void withoutNamesACommandIsNamedByItsOwnTextShortenedWhenLong() {
        var algos = CommandList.of(List.of("OMP_NUM_THREADS=1 ./bench {n}", "x".repeat(100)), null, null);
        assertThat(algos.get(0).label()).isEqualTo("OMP_NUM_THREADS=1 ./bench {n}");
        assertThat(algos.get(1).label()).hasSize(CommandList.MAX_DEFAULT_NAME).endsWith("...");
        assertThat(CommandList.defaultName("  a \n  b ")).isEqualTo("a b");
    }

    @Test
    void onePrepareForAllOrOnePerCommand() {
        var all = CommandList.of(List.of("true", "true 1"), null, List.of("echo p {n}"));
        assertThat(all).allSatisfy(a -> assertThat(cmd(a).prepareTemplate())
                .isEqualTo("echo p {n}"));
        var each = CommandList.of(List.of("true", "true 1"), null, List.of("echo a", "echo b"));
        assertThat(cmd(each.get(1)).prepareTemplate()).isEqualTo("echo b");
    }

    @Test
    void mismatchesAndDuplicatesAreOneLineUsageErrors() {
        assertThatThrownBy(() -> CommandList.of(List.of("true", "true 1"), List.of("a"), null))
                .isInstanceOf(UsageError.class).hasMessageContaining("--command-name given 1 time(s) for 2 --cmd");
        assertThatThrownBy(() -> CommandList.of(List.of("true", "true 1"), List.of("a", "a"), null))
                .isInstanceOf(UsageError.class).hasMessageContaining("--command-name 'a' is given twice");
        assertThatThrownBy(() -> CommandList.of(List.of("true", "true"), null, null))
                .isInstanceOf(UsageError.class).hasMessageContaining("two --cmd have the same name 'true'");
        assertThatThrownBy(() -> CommandList.of(List.of("true", "true 1", "true 2"), null, List.of("a", "b")))
                .isInstanceOf(UsageError.class).hasMessageContaining("--prepare given 2 times for 3 --cmd");
        assertThatThrownBy(() -> CommandList.of(List.of(), List.of("a"), null))
                .isInstanceOf(UsageError.class).hasMessageContaining("there is none");
        assertThatThrownBy(() -> CommandList.of(List.of(), null, List.of("true")))
                .isInstanceOf(UsageError.class).hasMessageContaining("there is no --cmd");
        assertThatThrownBy(() -> CommandList.of(List.of("true"), List.of(" "), null))
                .isInstanceOf(UsageError.class).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> CommandList.of(List.of("true"), null, List.of("echo (")))
                .isInstanceOf(UsageError.class).hasMessageStartingWith("--prepare is not a command");
    }
}
