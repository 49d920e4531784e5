package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corescope.analysis.Verdict;
import dev.corescope.machine.MachineSpec;
import dev.corescope.sim.SimulatedMachine;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The threshold's must-holds on simulated machines, a few seeds each (bench/thresholds.sh runs 20 per machine
 * and 1000 per error rate: docs/method.md): the threshold is the truth on the table's machines, the
 * decision's error rates are small, a 128-CPU investigate takes at most 10 s of simulated measurement, and a
 * baseline too noisy to judge anything stops the run.
 */
class ThresholdOnMachinesTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> machines() {
        return IntStream.range(0, Sweeps.MACHINES.size()).mapToObj(i -> Arguments.of(Sweeps.MACHINES.get(i).name(), i));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("machines")
    void theThresholdIsTheTruth(String name, int index) throws Exception {
        Sweeps.Machine m = Sweeps.MACHINES.get(index);
        var r = Sweeps.investigate(m, 7 + index, tmp);
        assertThat(r.threshold()).as(name + ": " + r.explanation()).isEqualTo(m.truth());
        assertThat(r.threshold()).isLessThanOrEqualTo((int) Math.floor(r.profile().effectiveCpus()));
        assertThat(r.measured().detail().knee().workers()).isLessThanOrEqualTo((int) Math.floor(r.profile().effectiveCpus()));
        assertThat(r.measuredLevels().size()).isLessThanOrEqualTo(8);   // searched from the machine's suggestions
        if (m.json().contains("busyCpus\": [5, 17, 40]")) {
            // pinned to the idle CPUs first, and the recommendation names those
            assertThat(r.machine().pinCpus()).hasSize(61).doesNotContain(5, 17, 40);
            assertThat(r.explanation()).contains("CPUs 5,17,40 were busy with other work");
        }
        if (m.json().contains("quotaCpus\": 12.5")) {
            assertThat(r.measured().detail().cap().workers()).isEqualTo(12);
            assertThat(r.verdict().cap().why()).isEqualTo("a CPU quota of 12.50 CPUs");
        }
    }

    @Test
    void aLevelOfMeasuredOversubscriptionWithinTheToleranceIsCappedAndSaysSo() throws Exception {
        // 13 workers on a quota of 12.5 CPUs are only 4% slower: the levels alone may allow 13, the cap says 12
        var r = Sweeps.investigate(SimulatedMachine.of(MachineSpec.cores(16).quota(12.5).noise(0.01).seed(3)), tmp);
        assertThat(r.threshold()).isEqualTo(12);
        if (r.measured().detail().capDecided()) {
            assertThat(r.explanation()).contains("the CPUs allow at most 12 CPU-bound workers (a CPU quota of 12.50 CPUs)").contains("the cap decided");
        } else {
            assertThat(r.measured().detail().level(13).orElseThrow().verdict()).isNotEqualTo(Verdict.OK);
        }
    }

    @Test
    void a128CpuInvestigateTakesAtMostTenSecondsOfSimulatedMeasurement() throws Exception {
        var r = Sweeps.investigate(SimulatedMachine.of(MachineSpec.cores(128).seed(1)), tmp);
        assertThat(r.threshold()).isEqualTo(128);
        assertThat(r.verdict().seconds()).isLessThanOrEqualTo(10);
    }

    @Test
    void theDecisionsErrorRatesOnAFewSeeds() {
        // per-task CV 2%, tolerance 5%; bench/thresholds.sh runs 1000 seeds of each
        for (long s = 1; s <= 12; s++) {
            assertThat(Sweeps.decision(8, s, Sweeps.Slowdown.ONE_WORKER, 1.07)).as("one slower, seed %d", s)
                    .isNotEqualTo(Verdict.OK);
            assertThat(Sweeps.decision(8, s, Sweeps.Slowdown.ALL, 1.07)).as("all slower, seed %d", s)
                    .isNotEqualTo(Verdict.OK);
            assertThat(Sweeps.decision(8, s, Sweeps.Slowdown.CLEAN, 1)).as("clean, seed %d", s).isEqualTo(Verdict.OK);
        }
        assertThat(Sweeps.decision(64, 1, Sweeps.Slowdown.ONE_WORKER, 1.07)).isNotEqualTo(Verdict.OK);
        assertThat(Sweeps.decision(64, 1, Sweeps.Slowdown.CLEAN, 1)).isEqualTo(Verdict.OK);
    }

    @Test
    void aBaselineTooNoisyToJudgeAnythingIsMeasuredAgainThenStopsTheRun() {
        assertThatThrownBy(() -> Sweeps.investigate(SimulatedMachine.of(MachineSpec.cores(4).noise(0.6).seed(1)), tmp))
                .isInstanceOf(BaselineTooNoisy.class)
                .hasMessageContaining("too noisy to judge a 5% tolerance")
                .hasMessageContaining("measured twice")
                .hasMessageContaining("nothing was cached");
    }
}
