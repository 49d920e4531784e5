package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.TaskStatus;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Statistics per algorithm x size, never pooled across sizes; time intervals that never go below zero. */
class PerSizeStatisticsTest {

    @Test
    void aTimeIntervalNeverGoesBelowZero() {
        double[][] samples = {{0.1, 0.2, 4.0}, {0.001, 0.002, 0.003, 0.9}, {1e-5, 1e-5, 2e-5, 0.01, 1e-5},
            {0.5, 0.6}, {0.0029, 0.0031, 0.0030, 0.0032, 0.0028, 0.0030, 0.0029, 0.0031, 0.0030, 0.090}};
        for (double[] s : samples) {
            SampleStats st = SampleStats.of(s);
            assertThat(st.ciLow()).as("%s", java.util.Arrays.toString(s)).isGreaterThan(0);
            assertThat(st.ciHigh()).isGreaterThan(st.ciLow());
        }
        // a symmetric, tight sample: the log-scale interval is Student's to within a tenth of its width
        double[] v = {1.00, 1.01, 0.99, 1.02, 0.98, 1.00};
        SampleStats tight = SampleStats.of(v);
        double t = new org.hipparchus.distribution.continuous.TDistribution(5).inverseCumulativeProbability(0.975);
        double half = t * tight.sd() / Math.sqrt(6);
        assertThat(tight.ciLow()).isCloseTo(tight.mean() - half, org.assertj.core.data.Offset.offset(half / 10));
        assertThat(tight.ciHigh()).isCloseTo(tight.mean() + half, org.assertj.core.data.Offset.offset(half / 10));
    }

    @Test
    void theLogScaleIntervalCoversTheMeanOfSkewedSamples() {
        Random r = new Random(5);
        int covered = 0;
        int runs = 2000;
        double sigma = 1.0;
        double trueMean = Math.exp(sigma * sigma / 2);
        for (int i = 0; i < runs; i++) {
            double[] v = new double[8];
            for (int k = 0; k < v.length; k++) {
                v[k] = Math.exp(sigma * r.nextGaussian());
            }
            SampleStats s = SampleStats.of(v);
            assertThat(s.ciLow()).isGreaterThan(0);
            covered += s.ciLow() <= trueMean && trueMean <= s.ciHigh() ? 1 : 0;
        }
        assertThat((double) covered / runs).isGreaterThan(0.92);
    }

    private static BatchResult batch(String experiment, int level, long[] sizes, double cv, long seed) {
        Random r = new Random(seed);
        List<TaskRecord> rs = new ArrayList<>();
        long t = 0;
        int i = 0;
        for (long size : sizes) {
            for (int k = 0; k < 30; k++) {
                long wall = (long) (size * 1000 * (1 + cv * r.nextGaussian()));
                rs.add(new TaskRecord(new TaskRecord.Task("r", experiment, level, 0, 0, i++, size),
                        new TaskRecord.Ran("thread-0", 1, 1, null), new TaskRecord.Timing(t, t + wall, wall, wall, 0, 0),
                        new TaskRecord.TaskOutcome(0, 0, TaskStatus.OK, null)));
                t += wall;
            }
        }
        return new BatchResult(new BatchPlan(experiment, level, 0, WorkloadSpec.of("sort-jdk"), List.of(),
                Strategy.QUEUE), 0, t, rs);
    }

    @Test
    void warningsAreComputedPerSizeNeverOverAPoolOfSizes() {
        long[] sizes = {1000, 5000, 10000, 20000, 50000};
        List<BatchResult> b = List.of(batch("assess/sort-jdk", 2, sizes, 0.01, 1));
        List<LevelSummary> levels = LevelAggregator.summarize(b);
        assertThat(levels).singleElement().satisfies(l -> {
            assertThat(l.perTask().sd()).as("no spread of a pool of sizes").isNaN();
            assertThat(l.perTask().ciLow()).isNaN();
        });
        List<Figures.Cell> cells = Figures.cells(b.get(0).records(), r -> "");
        assertThat(Warnings.of(levels, cells, null, null, 2)).as("each size is steady: no warning").isEmpty();

        List<BatchResult> noisy = List.of(batch("assess/sort-jdk", 2, sizes, 0.2, 2));
        List<String> w = Warnings.of(LevelAggregator.summarize(noisy), Figures.cells(noisy.get(0).records(), r -> ""),
                null, null, 2);
        assertThat(w).hasSize(2);
        assertThat(w.get(0)).startsWith("assess/sort-jdk, 2 workers: 5 of 5 sizes vary with a standard deviation of "
                + "10% of their mean or more (size 1000: ");
        assertThat(w.get(1)).startsWith("assess/sort-jdk, 2 workers: 5 of 5 sizes have a 95% CI wider than ±2%");
    }

    @Test
    void aLevelOfOneSizeIsStillOneSample() {
        List<BatchResult> b = List.of(batch("sweep", 1, new long[] {1000}, 0.2, 3));
        assertThat(Warnings.of(LevelAggregator.summarize(b), List.of(), null, null, 2))
                .anySatisfy(s -> assertThat(s).startsWith("sweep, 1 workers: the standard deviation is"));
    }
}
