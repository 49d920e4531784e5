package dev.corescope.experiment.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The synthetic sweep of {@code corescope jmh}'s certification (bench/jmh-certify-synthetic.sh): SEEDS whole runs of
 * each scenario of {@link JmhSyntheticRun} (38 one-fork results at level 2, the suite of bench/jmh-suite), pure
 * computation. Prints a Markdown table: how often each ends certified, refused (not certified) or not settled, with
 * Wilson's 95% interval of the rate the scenario's must-hold is about, and the mean evidence it took.
 *
 * <p>usage: {@code java -cp ... dev.corescope.experiment.jmh.JmhCertifySweep [SEEDS [THREADS [JOBS]]]}
 */
public final class JmhCertifySweep {
    private JmhCertifySweep() {
    }

    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int jobs = args.length > 2 ? Integer.parseInt(args[2]) : 38;
        System.out.println("| scenario | must hold | certified | refused | not settled | rate [95% CI] | mean looks "
                + "| mean forks in the test | mean controls |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (JmhSyntheticRun.Scenario sc : JmhSyntheticRun.SCENARIOS) {
                List<Future<JmhSyntheticRun.Result>> runs = new ArrayList<>();
                for (int s = 0; s < seeds; s++) {
                    long seed = 1000L + s;
                    runs.add(pool.submit(() -> JmhSyntheticRun.run(sc, jobs, seed)));
                }
                int[] n = new int[3];
                double looks = 0;
                double blocks = 0;
                double controls = 0;
                for (Future<JmhSyntheticRun.Result> f : runs) {
                    JmhSyntheticRun.Result r = f.get();
                    n[r.outcome().ordinal()]++;
                    looks += r.looks();
                    blocks += r.blocks();
                    controls += r.controls();
                }
                int hits = sc.must().startsWith("certified") ? n[0] : n[1] + n[2];
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.2f | %.1f | %.1f |%n", sc.name(), sc.must(),
                        pct(n[0], seeds), pct(n[1], seeds), pct(n[2], seeds), wilson(hits, seeds), looks / seeds,
                        blocks / seeds, controls / seeds);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String pct(int k, int n) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * k / n);
    }

    /** {@code k/n = p% [low, high]}, Wilson's score interval at 95%. */
    static String wilson(int k, int n) {
        double z = 1.959964;
        double p = (double) k / n;
        double d = 1 + z * z / n;
        double c = (p + z * z / (2 * n)) / d;
        double h = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / d;
        return String.format(Locale.ROOT, "%d/%d = %.1f%% [%.1f, %.1f]", k, n, 100 * p, 100 * (c - h), 100 * (c + h));
    }
}
