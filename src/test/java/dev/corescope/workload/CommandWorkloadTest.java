package dev.corescope.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class CommandWorkloadTest {
    @Test
    void substitutesSizeAndSeed() {
        assertThat(CommandWorkload.expand("sort -n data_{n}.txt --seed {seed}", 250, 9))
                .isEqualTo("sort -n data_250.txt --seed 9");
        assertThat(CommandWorkload.program("  sort -n x")).isEqualTo("sort");
    }

    @Test
    void specWithSpacesAndQuotesSurvivesTheWorkerFrameText() {
        String cmd = "sh -c 'test {n} -gt 0' && echo \"a b=c\"";
        WorkloadSpec spec = CommandWorkload.spec(cmd);
        Workload w = Workloads.create(WorkloadSpec.parse(spec.text()));
        assertThat(((CommandWorkload) w).template()).isEqualTo(cmd);
        assertThat(w.run(new TaskInput(0, 3, 1)).checksum()).isZero();
    }

    @Test
    void nonZeroExitFailsTheTaskWithTheExitCodeAndLastStderrLine() {
        Workload w = new CommandWorkload(CommandWorkload.spec("echo oops >&2; exit {n}").params());
        assertThatThrownBy(() -> w.run(new TaskInput(0, 3, 1))).isInstanceOf(IllegalStateException.class)
                .hasMessage("exit code 3: oops");
    }

    @Test
    void missingProgramIsFoundUpFront() {
        assertThatCode(() -> CommandWorkload.checkExists("true {n}")).doesNotThrowAnyException();
        assertThatThrownBy(() -> CommandWorkload.checkExists("no-such-program-xyz {n}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("command not found: no-such-program-xyz");
        assertThatThrownBy(() -> CommandWorkload.checkExists("  ")).hasMessage("--cmd is empty");
    }
}
