package dev.corescope.experiment;

import dev.corescope.analysis.Verdict;
import dev.corescope.machine.MachineSpec;
import dev.corescope.sim.SimulatedMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The threshold's benchmark on simulated machines (bench/thresholds.sh; docs/method.md §1 and §7): simulation,
 * not real timing, so its figures do not depend on how busy the machine running it is.
 * <pre>
 * ThresholdSweep machines SEEDS   investigate on each machine of the table, seeds 1..SEEDS: thresholds found
 * ThresholdSweep rates SEEDS      one level's decision and the cache's quick check, seeds 1..SEEDS
 * ThresholdSweep timing           simulated measurement time of investigate on 16, 64 and 128 CPUs
 * ThresholdSweep boundary SEEDS  2 workers, one's tasks (or all) exactly 5% slower: each direction's error
 * </pre>
 */
public final class ThresholdSweep {
    private ThresholdSweep() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "machines";
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path dir = Files.createTempDirectory("threshold-sweep");
        switch (what) {
            case "machines" -> machines(seeds, dir);
            case "rates" -> rates(seeds);
            case "timing" -> timing(dir);
            case "boundary" -> boundary(seeds);
            default -> throw new IllegalArgumentException("machines, rates or timing, not " + what);
        }
    }

    private static void machines(int seeds, Path dir) throws Exception {
        System.out.println("| machine | truth | right (of " + seeds + ") | thresholds found | simulated s, median [max] |");
        System.out.println("|---|---|---|---|---|");
        for (Sweeps.Machine m : Sweeps.MACHINES) {
            Map<Integer, Integer> found = new TreeMap<>();
            List<Double> seconds = new ArrayList<>();
            for (long s = 1; s <= seeds; s++) {
                var r = Sweeps.investigate(m, s, dir);
                found.merge(r.threshold(), 1, Integer::sum);
                seconds.add(r.verdict().seconds());
            }
            seconds.sort(Double::compare);
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %s | %.1f [%.1f] |%n", m.name(), m.truth(),
                    found.getOrDefault(m.truth(), 0), found, seconds.get(seconds.size() / 2),
                    seconds.get(seconds.size() - 1));
        }
    }

    private static void rates(int seeds) {
        System.out.println("| level | made | OK | WORSE | UNSETTLED (not OK) | called OK |");
        System.out.println("|---|---|---|---|---|---|");
        for (int p : new int[] {2, 8, 64}) {
            for (Sweeps.Slowdown kind : Sweeps.Slowdown.values()) {
                double factor = kind == Sweeps.Slowdown.CLEAN ? 1 : 1.07;
                Map<Verdict, Integer> n = new TreeMap<>();
                for (long s = 1; s <= seeds; s++) {
                    n.merge(Sweeps.decision(p, s, kind, factor), 1, Integer::sum);
                }
                System.out.printf(Locale.ROOT, "| %d workers | %s | %d | %d | %d | %.1f%% |%n", p,
                        kind == Sweeps.Slowdown.CLEAN ? "clean" : kind == Sweeps.Slowdown.ALL ? "all tasks 7% slower"
                                : "one worker's tasks 7% slower", n.getOrDefault(Verdict.OK, 0),
                        n.getOrDefault(Verdict.WORSE, 0), n.getOrDefault(Verdict.UNSETTLED, 0),
                        100.0 * n.getOrDefault(Verdict.OK, 0) / seeds);
            }
        }
        int caught = 0;
        int falseAlarms = 0;
        SplittableRandom cpu = new SplittableRandom(23);
        for (long s = 1; s <= seeds; s++) {
            caught += Sweeps.quickCheck(64, cpu.nextInt(64), 64, s).clean() ? 0 : 1;
            falseAlarms += Sweeps.quickCheck(64, -1, 64, s).clean() ? 0 : 1;
        }
        System.out.printf(Locale.ROOT, "%nquick check of 64 workers on 64 cores: one hogged CPU (a random one) caught "
                + "in %d of %d (%.1f%%); a free machine failed in %d of %d (%.1f%%)%n", caught, seeds,
                100.0 * caught / seeds, falseAlarms, seeds, 100.0 * falseAlarms / seeds);
    }

    private static void boundary(int seeds) {
        for (Sweeps.Slowdown kind : new Sweeps.Slowdown[] {Sweeps.Slowdown.ONE_WORKER, Sweeps.Slowdown.ALL}) {
            Map<Verdict, Integer> n = new TreeMap<>();
            for (long s = 1; s <= seeds; s++) {
                n.merge(Sweeps.decision(2, s, kind, 1.05), 1, Integer::sum);
            }
            System.out.printf(Locale.ROOT, "2 workers, %s exactly 5%% slower: OK %d, WORSE %d, UNSETTLED %d of %d%n",
                    kind == Sweeps.Slowdown.ALL ? "all tasks" : "one worker's tasks", n.getOrDefault(Verdict.OK, 0),
                    n.getOrDefault(Verdict.WORSE, 0), n.getOrDefault(Verdict.UNSETTLED, 0), seeds);
        }
    }

    private static void timing(Path dir) throws Exception {
        for (int cpus : new int[] {16, 64, 128}) {
            List<Double> s = new ArrayList<>();
            for (long seed = 1; seed <= 5; seed++) {
                s.add(Sweeps.investigate(SimulatedMachine.of(MachineSpec.cores(cpus).seed(seed)), dir).verdict().seconds());
            }
            s.sort(Double::compare);
            System.out.printf(Locale.ROOT, "%d CPUs: simulated measurement %.1f s median, %.1f-%.1f over 5 seeds%n",
                    cpus, s.get(2), s.get(0), s.get(4));
        }
    }
}
