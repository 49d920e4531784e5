package dev.corescope.experiment;

import dev.corescope.analysis.Equivalence;
import dev.corescope.exec.VirtualPool;
import dev.corescope.exec.WorkerMode;
import dev.corescope.exec.WorkerPool;
import dev.corescope.store.RunDirectory;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Certified runs on invented timings, through the real session, batch runner and record log: a
 * {@link VirtualPool} whose model says what a task takes alone and at a level. Used by the tests (a few seeds)
 * and by the synthetic benchmark {@code bench/certify-synthetic.sh} (1000 seeds).
 */
final class SyntheticRuns {
    private SyntheticRuns() {
    }

    /**
     * Lognormal tasks of {@code 10 ms × size / 100}, coefficient of variation {@code cv}; a task alone is 3× slower
     * with probability {@code aloneStalls}, a task at a level of 2 or more with {@code levelStalls}, and a level's
     * tasks are {@code slower} times one worker's.
     */
    static VirtualPool.Model lognormal(double cv, double aloneStalls, double levelStalls, double slower) {
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        return (task, running, worker, rng) -> {
            boolean parallel = running >= 2;
            double stall = rng.nextDouble() < (parallel ? levelStalls : aloneStalls) ? 3.0 : 1.0;
            return 0.01 * Math.max(1, task.size()) / 100.0 * Math.exp(sigma * gaussian(rng)) * stall
                    * (parallel ? slower : 1.0);
        };
    }

    /** CV 2%; clean up to {@code clean} tasks at once, then time-sliced like a machine with that many cores. */
    static VirtualPool.Model cores(int clean) {
        double sigma = Math.sqrt(Math.log(1 + 0.02 * 0.02));
        return (task, running, worker, rng) -> 0.01 * Math.max(1, task.size()) / 100.0
                * Math.max(1.0, (double) running / clean) * Math.exp(sigma * gaussian(rng));
    }

    static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    /** The tasks of {@code sizes} × {@code repeats} in a seeded order, as assess makes them. */
    static List<TaskInput> order(List<Long> sizes, int repeats, long seed) {
        return AssessTasks.shuffled(AssessTasks.inOrder(sizes, repeats, repeats, seed), seed * 31 + 7);
    }

    /** One certified run of {@code order} at {@code level} on {@code pool}, in a run directory under {@code tmp}. */
    static CertifiedRun.CertifiedRunResult run(Path tmp, WorkerPool pool, List<TaskInput> order, int level,
                                    CertifiedRun.Policy policy, Equivalence.Margins margins, long seed) {
        Settings settings = new Settings("assess", List.of(), WorkerMode.THREADS, null, Duration.ofMinutes(1), List.of(),
                seed, true);
        try {
            Path dir = Files.createTempDirectory(tmp, "run");
            RunDirectory run = RunDirectory.create(dir.resolve("r"), "assess");
            try (Session s = Session.open(settings, run, pool, r -> { }, x -> { }, () -> null)) {
                return new CertifiedRun(s, new CertifiedRun.Spec("x", WorkloadSpec.of("spin"), 0, order, level, policy,
                        margins, ControlPlan.Shares.DEFAULT, Long.MAX_VALUE, seed), n -> { }, () -> { }).run();
            } finally {
                delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Sizes 100, 200, ... : {@code n} of them. */
    static List<Long> sizes(int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(100L * i);
        }
        return out;
    }
}
