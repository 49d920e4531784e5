package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.machine.CpuQuota;
import dev.corescope.machine.MachineProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The account of a threshold below the profile's prediction: who took the time, from synthetic samples. */
class ExplanationTest {

    private static final MachineProfile TWO_CPUS = new MachineProfile("synthetic", 2, 2, 1, 1,
            List.of(List.of(0), List.of(1)), List.of(0, 1), CpuQuota.unlimited(100_000, "test"), 2, null,
            "17", "test", List.of(), "Linux", "test", "performance", -1, "host", List.of());

    /** n tasks of the given wall, CPU and run-queue wait seconds, with a little spread. */
    private static LevelSample level(int workers, int n, double wall, double cpu, double wait) {
        double[] w = new double[n];
        double[] c = new double[n];
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            double jitter = 1 + 0.01 * ((i % 5) - 2);
            w[i] = wall * jitter;
            c[i] = cpu * jitter;
            q[i] = wait;
        }
        return new LevelSample(workers, w, c, q);
    }

    private static String explain(LevelSample base, LevelSample two, double otherBusyCpus) {
        ThresholdResult result = new ThresholdDetector().detect(List.of(base, two));
        assertThat(result.threshold()).isEqualTo(1);
        return Explanation.of(TWO_CPUS, result, 0.05, base, two, otherBusyCpus, null).text();
    }

    @Test
    void extraCpuTimeWithNoOtherWorkMeansTheWorkersSlowEachOtherDown() {
        String text = explain(level(1, 30, 0.020, 0.020, 0), level(2, 30, 0.025, 0.0248, 0.0002), 0.0);
        assertThat(text).contains("the workers slow each other down").contains("other work was not the cause")
                .doesNotContain("something else takes CPU time").doesNotContain("time-slices them");
    }

    @Test
    void runQueueWaitBlamesSomethingElse() {
        String text = explain(level(1, 30, 0.020, 0.020, 0), level(2, 30, 0.030, 0.0201, 0.0099), 0.3);
        assertThat(text).contains("something else takes CPU time").contains("other work kept 0.3 CPUs busy")
                .doesNotContain("slow each other down");
    }

    @Test
    void whenOtherWorkTookACpuThatIsTheCapacityNotTheWorkersFault() {
        String text = explain(level(1, 30, 0.020, 0.020, 0), level(2, 30, 0.025, 0.0248, 0.0002), 0.9);
        assertThat(text).contains("That matches the capacity this process has: other work kept 0.9 CPUs busy")
                .doesNotContain("slow each other down");
    }
}
