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

    @Test
    void whenTheCapDecidedTheExplanationSaysSo() {
        // 3 workers measure clean (a quota slows each task by less than the tolerance), but 2.5 CPUs allow 2
        LevelSample base = level(1, 30, 0.020, 0.020, 0);
        LevelSample three = level(3, 30, 0.0204, 0.0204, 0);
        ThresholdResult r = new ThresholdDetector().capped(2, "a CPU quota of 2.50 CPUs").detect(List.of(base,
                level(2, 30, 0.020, 0.020, 0), three));
        assertThat(r.threshold()).isEqualTo(2);
        assertThat(r.capDecided()).isTrue();
        assertThat(r.cap().measured()).isEqualTo(3);
        String text = Explanation.of(TWO_CPUS, r, 0.05, base, three, 0.0, null).text();
        assertThat(text).contains("The measured levels alone would allow 3, but the CPUs allow at most 2 CPU-bound workers "
                + "(a CPU quota of 2.50 CPUs): the cap decided it").contains("benchmark with at most 2 concurrent workers");
    }

    @Test
    void theLevelAboveIsToldByItsWorstOffWorkerAndWhereWorkersDoubledUp() {
        // 3 workers on 2 CPUs, pinned: the two sharing CPU 0 take twice as long, the third is untouched
        int rounds = 10;
        double[] w = new double[3 * rounds];
        double[] c = new double[3 * rounds];
        double[] q = new double[3 * rounds];
        int[] worker = new int[3 * rounds];
        int[] round = new int[3 * rounds];
        int[] cpu = new int[3 * rounds];
        for (int i = 0; i < w.length; i++) {
            worker[i] = i % 3;
            round[i] = i / 3;
            cpu[i] = worker[i] == 1 ? 1 : 0;
            double jitter = 1 + 0.01 * ((i % 5) - 2);
            boolean shared = cpu[i] == 0;
            w[i] = (shared ? 0.040 : 0.020) * jitter;
            c[i] = 0.020 * jitter;
            q[i] = shared ? 0.020 * jitter : 0;
        }
        LevelSample three = new LevelSample(3, w, c, q, worker, round, cpu);
        LevelSample base = level(1, 30, 0.020, 0.020, 0);
        ThresholdResult r = new ThresholdDetector().detect(List.of(base, level(2, 30, 0.020, 0.020, 0), three));
        assertThat(r.threshold()).isEqualTo(2);
        String text = Explanation.of(TWO_CPUS, r, 0.05, base, three, 0.0, null, null,
                new Explanation.Pinning("3 workers on 2 CPUs: CPU 0 runs 2", List.of(), null, List.of(0, 1))).text();
        assertThat(text).contains("With 3 workers, the worst-off worker's tasks took 2.00x as long as alone (worker 1, on "
                + "CPU 0; the median of all tasks").contains("3 workers on 2 CPUs: CPU 0 runs 2");
    }
}
