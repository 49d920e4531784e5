package dev.corescope.experiment.jmh;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which forks run alone, as controls: {@link #soloForks} extra forks of each control benchmark, chosen at random
 * among the benchmarks that run beside others, as many as {@link #share} of the suite's planned time pays for
 * (at least one benchmark, so every parallel level is checked), each placed at a random point of the run.
 * Two solo forks of a benchmark give its A/A noise (solo against solo) besides the reference its parallel forks
 * are compared with.
 *
 * @param share     the controls' time as a share of the measured forks' planned time (0: no control, nothing
 *                  certified)
 * @param soloForks solo forks per control benchmark
 */
public record JmhControls(double share, int soloForks) {
    /** 5%: on a 2-CPU machine every solo fork costs its whole length in wall time (see docs/jmh.md). */
    public static final JmhControls DEFAULT = new JmhControls(0.05, 2);

    public JmhControls {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("the controls' share must be within 0-100%, got " + share);
        }
        if (soloForks < 1) {
            throw new IllegalArgumentException("at least one solo fork per control benchmark");
        }
    }

    public boolean enabled() {
        return share > 0;
    }

    /** The planned seconds the controls may take: {@link #share} of the measured jobs'. */
    public double budget(List<JmhJob> measured) {
        return share * measured.stream().mapToDouble(JmhJob::seconds).sum();
    }

    /**
     * Benchmarks that run beside others at {@code width} and so need a control (one that needs all the level's CPUs,
     * or more, never does: it runs alone).
     */
    public static List<BenchmarkPlan> eligible(List<JmhJob> measured, int width) {
        return measured.stream().filter(j -> j.cores() < width).map(JmhJob::plan).distinct().toList();
    }

    /** How many control benchmarks the budget pays for: at least one when any is eligible. */
    public int count(List<JmhJob> measured, int width) {
        List<BenchmarkPlan> eligible = eligible(measured, width);
        if (!enabled() || eligible.isEmpty()) {
            return 0;
        }
        double perBenchmark = soloForks * eligible.stream().mapToDouble(p -> p.jobSeconds(0)).average().orElse(1);
        int k = (int) Math.floor(budget(measured) / perBenchmark);
        return Math.max(1, Math.min(k, eligible.size()));
    }

    /** The solo jobs of {@code plan}: its forks numbered from {@code firstFork}, ids from {@code ids}. */
    public List<JmhJob> soloJobs(BenchmarkPlan plan, int cores, int firstFork, Supplier<String> ids) {
        List<JmhJob> out = new ArrayList<>();
        for (int k = 0; k < soloForks; k++) {
            out.add(new JmhJob(ids.get(), plan, firstFork + k, JmhJob.Kind.CONTROL, 0, cores, plan.jobSeconds(0)));
        }
        return out;
    }

    /** Chooses {@code count} control benchmarks at random among {@code eligible}, none of {@code taken}. */
    public static List<BenchmarkPlan> choose(List<BenchmarkPlan> eligible, Set<String> taken, int count, Random rng) {
        List<BenchmarkPlan> pool = new ArrayList<>(eligible.stream().filter(p -> !taken.contains(p.key())).toList());
        pool.sort(Comparator.comparingInt(BenchmarkPlan::index));
        List<BenchmarkPlan> out = new ArrayList<>();
        while (out.size() < count && !pool.isEmpty()) {
            out.add(pool.remove(rng.nextInt(pool.size())));
        }
        return out;
    }

    /**
     * {@code measured} with the forks of the control benchmarks first (each in its order): so they run beside
     * others, never alone in the tail, and the level is checked early. The rest stays longest first.
     */
    public static List<JmhJob> controlsFirst(List<JmhJob> measured, Set<String> controlKeys) {
        List<JmhJob> out = new ArrayList<>(measured.stream().filter(j -> controlKeys.contains(j.plan().key())).toList());
        measured.stream().filter(j -> !controlKeys.contains(j.plan().key())).forEach(out::add);
        return out;
    }

    /** {@code queue} with each of {@code controls} inserted at a random position (each position equally likely). */
    public static List<JmhJob> interleave(List<JmhJob> queue, List<JmhJob> controls, Random rng) {
        return interleave(queue, controls, 0, rng);
    }

    /**
     * The same, no control before position {@code from}: the run's first {@code width} jobs start together, so
     * the control benchmarks' forks put first ({@link #controlsFirst}) run beside others.
     */
    public static List<JmhJob> interleave(List<JmhJob> queue, List<JmhJob> controls, int from, Random rng) {
        List<JmhJob> out = new ArrayList<>(queue);
        int first = Math.min(from, out.size());
        for (JmhJob c : controls) {
            out.add(first + rng.nextInt(out.size() - first + 1), c);
        }
        return out;
    }

    /** The measured jobs of {@code plans}, longest first (JMH's order among equals): so the tail leaves no core idle. */
    public static List<JmhJob> measured(List<BenchmarkPlan> plans, int cpus, Supplier<String> ids) {
        List<JmhJob> out = new ArrayList<>();
        for (BenchmarkPlan p : plans) {
            int cores = Math.max(1, Math.min(p.threads(), Math.max(1, cpus)));
            for (int f = 0; f < Math.max(1, p.forks()); f++) {
                int wf = f == 0 ? p.warmupForks() : 0;
                out.add(new JmhJob(ids.get(), p, f, JmhJob.Kind.MEASURED, wf, cores, p.jobSeconds(wf)));
            }
        }
        out.sort(Comparator.comparingDouble(JmhJob::seconds).reversed());
        return out;
    }
}
