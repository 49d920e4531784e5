package dev.corescope.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.analysis.ComplexityFit;
import dev.corescope.experiment.Assessment.Fit;
import java.util.function.Function;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/** Tick labels read at a glance; legend labels wrapped, not cut; the fit's words. */
class TickLabelsTest {
    /** The labels XChart 4.0.3 asks for on a log axis from lo to hi: 1..9 × 10^k. */
    private static String labels(Function<Double, String> f, double lo, double hi) {
        StringBuilder out = new StringBuilder();
        for (int k = (int) Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++) {
            for (int m = 1; m <= 9; m++) {
                double v = m * Math.pow(10, k);
                if (v >= lo && v <= hi && !f.apply(v).isEmpty()) {
                    out.append(out.length() == 0 ? "" : ", ").append(f.apply(v));
                }
            }
        }
        return out.toString();
    }

    @Test
    void logAxesLabelMoreThanTheDecades() {
        // the earlier chart labelled only "100" on sizes 50..250 and "1, 10" on times
        assertThat(labels(TickLabels.log(TickLabels.Kind.COUNT, 50, 250), 50, 250)).isEqualTo("50, 60, 70, 80, 90, 100, 200");
        assertThat(labels(TickLabels.log(TickLabels.Kind.TIME, 3e-4, 0.03), 3e-4, 0.03))
                .isEqualTo("500 us, 1 ms, 2 ms, 5 ms, 10 ms, 20 ms");
        assertThat(labels(TickLabels.log(TickLabels.Kind.COUNT, 1000, 1e7), 1000, 1e7)).isEqualTo("1000, 10k, 100k, 1M, 10M");
    }

    @Test
    void valuesReadWithTheirUnits() {
        assertThat(DoubleStream.of(0, 2.5e-8, 5e-5, 0.0025, 1, 90).mapToObj(TickLabels::time))
                .containsExactly("0", "25 ns", "50 us", "2.5 ms", "1 s", "90 s");
        assertThat(DoubleStream.of(500, 2000, 20000, 1.5e6).mapToObj(TickLabels::count))
                .containsExactly("500", "2000", "20k", "1.5M");
        assertThat(TickLabels.text(TickLabels.Kind.WORKERS, 2.5)).isEmpty();
        assertThat(TickLabels.text(TickLabels.Kind.WORKERS, 3)).isEqualTo("3");
    }

    @Test
    void longLegendLabelsWrapAtSpaces() {
        assertThat(ChartStyle.wrap("sort-merge: fit O(n log n) (cross-validated error ±1.2%)", 30))
                .isEqualTo("sort-merge: fit O(n log n)\n(cross-validated error ±1.2%)");
    }

    @Test
    void theFitTableSaysWhenNoModelFits() {
        double[] n = new double[11];
        double[] t = new double[11];
        for (int i = 0; i < n.length; i++) {
            n[i] = 20 + i;
            t[i] = 3e-9 * Math.pow(1.618, n[i]);
        }
        Fit fib = Fit.of(ComplexityFit.fit(n, t));
        assertThat(FitText.model(fib)).startsWith("O(1.6").endsWith("^n)");
        assertThat(FitText.line("fib", fib)).startsWith("fib: O(1.6").contains("fits (cross-validated error ±")
                .contains("no systematic curve");
        Fit cliff = Fit.of(ComplexityFit.fit(new double[] {1000, 2000, 4000, 8000, 16000, 32000, 64000},
                new double[] {1e-5, 2e-5, 4e-5, 8e-4, 1.6e-3, 3.2e-3, 6.4e-3}));
        assertThat(FitText.model(cliff)).startsWith("no model fits (closest ");
        assertThat(FitText.line("cliff", cliff)).startsWith("cliff: no model fits; the closest, ");
        assertThat(FitText.cells(cliff)).hasSize(FitText.HEADER.size() - 1);
    }
}
