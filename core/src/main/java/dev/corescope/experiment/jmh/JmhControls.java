package dev.corescope.experiment.jmh;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Which forks are controls ({@link JmhJob.Kind#CONTROL}): reported forks of the suite that start alone and measure
 * their first iterations alone before the level fills again. Each control costs the level's other CPUs about one
 * fork's length: its JVM start, warm-up and first iterations while they wait, and the wait before it starts (the
 * jobs running must end first, and the last of them then runs its own last iterations alone: a second block for
 * free). As many as {@link #share} of the suite's planned wall time pays for, and at least {@value #MIN_CONTROLS}
 * per level (with the forks they leave alone as they drain, enough for the test's {@value ForkEquivalence#MIN_BLOCKS}
 * blocks); the first at the very start of the run (nothing runs yet: it waits for nothing), the others at random
 * within equal stretches of the first three quarters of the queue (spread over the run; the rest of the queue is
 * left for an extension), with at least a level's worth of jobs between two controls: the jobs that start beside a
 * control once it lets the level fill, and after it ends, are the ones that drain before the next, and the last of
 * them measures its last iterations alone.
 *
 * @param share the controls' cost as a share of the suite's planned wall time at the level (0: no control, nothing
 *              certified)
 */
public record JmhControls(double share) {
    /** 5%: on a suite of 38 forks on 2 CPUs, the minimum of four controls (about 10%) applies. */
    public static final JmhControls DEFAULT = new JmhControls(0.05);
    public static final int MIN_CONTROLS = 4;
    /** Controls are placed in this share of the queue; the rest is left for extensions. */
    static final double PLACED_WITHIN = 0.75;

    public JmhControls {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("the controls' share must be within 0-100%, got " + share);
        }
    }

    public boolean enabled() {
        return share > 0;
    }

    /** How many controls a level of {@code width} gets among {@code queue}. */
    public int count(List<JmhJob> queue, int width) {
        List<JmhJob> eligible = queue.stream().filter(j -> eligible(j, width)).toList();
        if (!enabled() || width <= 1 || eligible.isEmpty()) {
            return 0;
        }
        double mean = eligible.stream().mapToDouble(JmhJob::seconds).average().orElse(1);
        double plannedWall = queue.stream().mapToDouble(JmhJob::seconds).sum() / width;
        double costEach = mean * (width - 1) / width;
        int paid = (int) Math.floor(share * plannedWall / costEach);
        return Math.min(eligible.size(), Math.max(MIN_CONTROLS, paid));
    }

    /** A job that can be a control at {@code width}: a measured fork that runs beside others there. */
    static boolean eligible(JmhJob j, int width) {
        return j.kind() == JmhJob.Kind.MEASURED && j.cores() < width;
    }

    /**
     * {@code queue} with {@code count} of its jobs made controls: the first eligible one, then one at random within
     * each of {@code count - 1} equal stretches of the eligible jobs in the first {@link #PLACED_WITHIN} of the queue.
     */
    public static List<JmhJob> place(List<JmhJob> queue, int count, int width, Random rng) {
        List<JmhJob> out = new ArrayList<>(queue);
        if (count <= 0) {
            return out;
        }
        int within = Math.max(1, (int) Math.ceil(PLACED_WITHIN * out.size()));
        List<Integer> candidates = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            if (eligible(out.get(k), width)) {
                candidates.add(k);
            }
        }
        if (candidates.isEmpty()) {
            return out;
        }
        List<Integer> chosen = new ArrayList<>(List.of(candidates.get(0)));
        List<Integer> rest = candidates.subList(1, candidates.size()).stream().filter(k -> k < within).toList();
        if (rest.isEmpty()) {
            rest = candidates.subList(1, candidates.size());
        }
        int more = Math.min(count - 1, rest.size());
        int after = 0; // a level's worth of jobs between two controls, where the stretch allows: see the class's doc
        for (int s = 0; s < more; s++) {
            int from = s * rest.size() / more;
            int to = Math.max(from + 1, (s + 1) * rest.size() / more);
            int lo = Math.min(Math.max(from, after), to - 1);
            int pick = lo + rng.nextInt(to - lo);
            chosen.add(rest.get(pick));
            after = pick + width + 1;
        }
        chosen.forEach(k -> out.set(k, out.get(k).asControl(true)));
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
