package dev.corescope.experiment;

import dev.corescope.analysis.Equivalence;
import dev.corescope.exec.VirtualPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * The synthetic must-holds of the certification, over many seeds: certified runs through the real session,
 * batch runner, record log and equivalence test on a simulated pool with invented timings (no real timing).
 * Run by {@code bench/certify-synthetic.sh} (1000 seeds); {@code CertifySweepTest} runs a few seeds of each.
 *
 * <p>usage: {@code CertifySweep SEEDS [THREADS] [SCENARIO...]}
 */
public final class CertifySweep {
    /** A scenario: the pool's model, the plan, the level, and what counts as a success. */
    record Scenario(String name, String goal, VirtualPool.Model model, int sizes, int repeats, int level,
                    CertifiedRun.Policy policy, Predicate<CertifiedRun.CertifiedRunResult> success) {
        Scenario(String name, String goal, VirtualPool.Model model, int sizes, int repeats, int level,
                 Predicate<CertifiedRun.CertifiedRunResult> success) {
            this(name, goal, model, sizes, repeats, level, CertifiedRun.Policy.STEP_DOWN, success);
        }
    }

    static final Predicate<CertifiedRun.CertifiedRunResult> CERTIFIED = o -> o.certification().status().equals("certified");

    /** The scenarios: identical distributions, 5% slower, rare stalls only at the level, perfect scaling. */
    static List<Scenario> scenarios() {
        VirtualPool.Model same = SyntheticRuns.lognormal(0.03, 0.002, 0.002, 1.0);
        VirtualPool.Model slower = SyntheticRuns.lognormal(0.03, 0.002, 0.002, 1.05);
        VirtualPool.Model stalls = SyntheticRuns.lognormal(0.03, 0.0, 0.02, 1.0);
        VirtualPool.Model scaling = SyntheticRuns.lognormal(0.03, 0.0, 0.0, 1.0);
        List<Scenario> out = new ArrayList<>();
        out.add(new Scenario("same-r10x10", "certified >= 95%", same, 10, 10, 2, CERTIFIED));
        out.add(new Scenario("same-r30x10", "certified >= 95%", same, 10, 30, 2, CERTIFIED));
        out.add(new Scenario("same-1x200", "certified >= 95%", same, 1, 200, 2, CERTIFIED));
        out.add(new Scenario("slower5-r10x10", "certified <= 2%", slower, 10, 10, 2, CERTIFIED.negate()));
        out.add(new Scenario("slower5-r30x10", "certified <= 2%", slower, 10, 30, 2, CERTIFIED.negate()));
        out.add(new Scenario("slower5-1x200", "certified <= 2%", slower, 1, 200, 2, CERTIFIED.negate()));
        out.add(new Scenario("stalls2-r40x10", "not certified >= 90%", stalls, 10, 40, 2, CERTIFIED.negate()));
        out.add(new Scenario("stalls2-1x400", "not certified >= 90%", stalls, 1, 400, 2, CERTIFIED.negate()));
        out.add(new Scenario("scaling-p8-r30x10", "speedup 8 ± 0.5", scaling, 10, 30, 8, CertifiedRun.Policy.FIXED,
                o -> o.certification().speed() != null && Math.abs(o.certification().speed().speedup() - 8) <= 0.5));
        return out;
    }

    /** Successes, runs, and the mean of the speedups, of one scenario over {@code seeds} seeds. */
    record Rate(Scenario scenario, int successes, int runs, double meanSpeedup, int certified, double meanTasks) {
        String row() {
            double[] w = wilson(successes, runs);
            return String.format(Locale.ROOT, "| %s | %s | %d/%d = %.1f%% [%.1f, %.1f] | %.1f%% | %s | %.0f |",
                    scenario.name(), scenario.goal(), successes, runs, 100.0 * successes / runs, 100 * w[0], 100 * w[1],
                    100.0 * certified / runs, Double.isNaN(meanSpeedup) ? "-" : String.format(Locale.ROOT, "%.2f",
                    meanSpeedup), meanTasks);
        }
    }

    static Rate sweep(Scenario s, int seeds, int threads, Path tmp) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<CertifiedRun.CertifiedRunResult>> runs = new ArrayList<>();
            for (int seed = 1; seed <= seeds; seed++) {
                long k = seed;
                runs.add(pool.submit(() -> SyntheticRuns.run(tmp, new VirtualPool(s.model(), k * 7919 + 1),
                        SyntheticRuns.order(SyntheticRuns.sizes(s.sizes()), s.repeats(), k), s.level(),
                        s.policy(), Equivalence.Margins.DEFAULT, k)));
            }
            int ok = 0;
            int certified = 0;
            double speedups = 0;
            int withSpeed = 0;
            double tasks = 0;
            for (Future<CertifiedRun.CertifiedRunResult> f : runs) {
                CertifiedRun.CertifiedRunResult o = f.get();
                ok += s.success().test(o) ? 1 : 0;
                if (!s.success().test(o) && System.getenv("SWEEP_VERBOSE") != null) {
                    System.err.println(s.name() + ": " + o.certification().verdict());
                    o.certification().attempts().forEach(a -> System.err.println("   at " + a.level() + ": "
                            + CertificationText.evidence(a) + " " + CertificationText.failure(a)));
                }
                certified += CERTIFIED.test(o) ? 1 : 0;
                if (o.certification().speed() != null) {
                    speedups += o.certification().speed().speedup();
                    withSpeed++;
                }
                tasks += o.certification().attempts().stream().mapToInt(a -> a.tasks() + a.controls()).sum();
            }
            return new Rate(s, ok, seeds, withSpeed == 0 ? Double.NaN : speedups / withSpeed, certified, tasks / seeds);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Wilson score interval (95%) of a proportion. */
    static double[] wilson(int k, int n) {
        double z = 1.96;
        double p = (double) k / n;
        double d = 1 + z * z / n;
        double c = (p + z * z / (2 * n)) / d;
        double h = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / d;
        return new double[] {Math.max(0, c - h), Math.min(1, c + h)};
    }

    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<String> only = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        Path tmp = Files.createTempDirectory("certify-sweep");
        System.out.println("| scenario (level 2, --workers auto; p8: --workers 8) | must hold | runs meeting it [95% CI] | certified | "
                + "mean speedup | mean tasks run |");
        System.out.println("|---|---|---|---|---|---|");
        for (Scenario s : scenarios()) {
            if (only.isEmpty() || only.contains(s.name())) {
                long t0 = System.nanoTime();
                Rate r = sweep(s, seeds, threads, tmp);
                System.out.println(r.row());
                System.err.printf(Locale.ROOT, "%s: %.0f s%n", s.name(), (System.nanoTime() - t0) / 1e9);
            }
        }
        Files.deleteIfExists(tmp);
    }
}
