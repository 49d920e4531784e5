package dev.corescope.experiment.jmh;

import dev.corescope.experiment.PlanRefused;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What JMH would run, from the benchmark list and the options, as JMH's {@code Runner} decides it: the benchmarks
 * whose {@code class.method} a pattern finds and no exclude finds; {@code -bm} replacing their modes and
 * {@code Mode.All} expanded; every combination of {@code @Param} values ({@code -p} replacing a parameter's
 * values); threads, forks and iterations from the options, else the annotations, else JMH's defaults (those of
 * the jar's JMH version: 1.21 changed them).
 */
public final class JmhPlanner {
    private JmhPlanner() {
    }

    /**
     * @param cpus the CPUs JMH would count for {@code -t max} / {@code @Threads(Threads.MAX)}
     * @throws PlanRefused when nothing matches, or a parameter cannot be selected for one fork
     */
    public static List<BenchmarkPlan> plan(BenchmarkSource source, JmhOptions o, int cpus) {
        return plan(source, o, () -> cpus);
    }

    /** The same, asking for the CPUs only when a benchmark needs them ({@code -t max}). */
    public static List<BenchmarkPlan> plan(BenchmarkSource source, JmhOptions o, java.util.function.IntSupplier cpus) {
        List<Pattern> includes = (o.includes().isEmpty() ? List.of(".*") : o.includes()).stream().map(Pattern::compile)
                .toList();
        List<Pattern> excludes = o.excludes().stream().map(Pattern::compile).toList();
        Set<BenchmarkEntry> selected = new LinkedHashSet<>();
        for (BenchmarkEntry e : source.entries()) {
            if (includes.stream().anyMatch(p -> p.matcher(e.name()).find())
                    && excludes.stream().noneMatch(p -> p.matcher(e.name()).find())) {
                selected.add(e);
            }
        }
        if (selected.isEmpty()) {
            throw new PlanRefused("no benchmark matches " + (o.includes().isEmpty() ? "" : String.join(" ", o.includes())
                    + " ") + (o.excludes().isEmpty() ? "" : "(excluding " + String.join(",", o.excludes()) + ") ")
                    + "in " + source.description() + " (" + names(source) + ")");
        }
        Set<BenchmarkEntry> moded = new LinkedHashSet<>();
        for (BenchmarkEntry e : selected) {
            for (JmhMode m : o.modes().isEmpty() ? List.of(e.mode()) : o.modes()) {
                if (m == JmhMode.All) {
                    for (JmhMode each : List.of(JmhMode.Throughput, JmhMode.AverageTime, JmhMode.SampleTime,
                            JmhMode.SingleShotTime)) {
                        moded.add(e.withMode(each));
                    }
                } else {
                    moded.add(e.withMode(m));
                }
            }
        }
        record Combination(BenchmarkEntry entry, Map<String, String> params, List<Integer> order) {
        }
        List<Combination> all = new ArrayList<>();
        for (BenchmarkEntry e : moded) {
            List<Map<String, String>> values = new ArrayList<>(List.of(new TreeMap<>()));
            List<List<Integer>> orders = new ArrayList<>(List.of(new ArrayList<>()));
            for (var p : new TreeMap<>(e.params() == null ? Map.<String, List<String>>of() : e.params()).entrySet()) {
                List<String> vs = o.params().getOrDefault(p.getKey(), p.getValue());
                if (vs.isEmpty()) {
                    throw new PlanRefused(e.name() + " declares @Param " + p.getKey() + " without values: give them with "
                            + "-p " + p.getKey() + "=...");
                }
                List<Map<String, String>> next = new ArrayList<>();
                List<List<Integer>> nextOrders = new ArrayList<>();
                for (int k = 0; k < values.size(); k++) {
                    for (int v = 0; v < vs.size(); v++) {
                        Map<String, String> m = new TreeMap<>(values.get(k));
                        m.put(p.getKey(), vs.get(v));
                        next.add(m);
                        List<Integer> ord = new ArrayList<>(orders.get(k));
                        ord.add(v);
                        nextOrders.add(ord);
                    }
                }
                values = next;
                orders = nextOrders;
            }
            for (int k = 0; k < values.size(); k++) {
                all.add(new Combination(e, values.get(k), orders.get(k)));
            }
        }
        all.sort(Comparator.<Combination>comparingInt(c -> c.entry().mode().ordinal())
                .thenComparing(c -> c.entry().name())
                .thenComparing((a, b) -> compareOrders(a.order(), b.order())));
        Defaults d = Defaults.of(source.jmhVersion());
        List<BenchmarkPlan> out = new ArrayList<>();
        for (Combination c : all) {
            out.add(resolve(out.size(), c.entry(), c.params(), o, d, cpus));
        }
        return out;
    }

    private static BenchmarkPlan resolve(int index, BenchmarkEntry e, Map<String, String> params, JmhOptions o,
                                         Defaults d, java.util.function.IntSupplier cpus) {
        boolean ss = e.mode() == JmhMode.SingleShotTime;
        int threads = first(o.threads(), e.threads(), 1);
        if (threads == -1) {
            threads = Math.max(1, cpus.getAsInt());
        }
        List<Integer> groups = o.threadGroups() != null ? o.threadGroups() : e.threadGroups();
        int group = Math.max(1, groups.stream().mapToInt(Integer::intValue).sum());
        threads = (threads + group - 1) / group * group;
        int forks = first(o.forks(), e.forks(), d.forks());
        int wf = first(o.warmupForks(), e.warmupForks(), 0);
        int wi = first(o.warmupIterations(), e.warmupIterations(), ss ? 0 : d.warmupIterations());
        int i = first(o.iterations(), e.measurementIterations(), ss ? 1 : d.iterations());
        JmhTime w = o.warmupTime() != null ? o.warmupTime() : e.warmupTime() != null ? e.warmupTime()
                : ss ? new JmhTime("single-shot", 0) : d.time();
        JmhTime r = o.measurementTime() != null ? o.measurementTime() : e.measurementTime() != null
                ? e.measurementTime() : ss ? new JmhTime("single-shot", 0) : d.time();
        List<String> passed = new ArrayList<>();
        for (var p : params.entrySet()) {
            boolean annotationAlone = !o.params().containsKey(p.getKey()) && e.params().get(p.getKey()).size() == 1;
            if (annotationAlone) {
                continue;
            }
            if (p.getValue().contains(",")) {
                throw new PlanRefused("cannot run " + e.name() + " with " + p.getKey() + "='" + p.getValue() + "' in a fork of "
                        + "its own: JMH's -p splits values at commas (give other values with -p " + p.getKey() + "=...)");
            }
            passed.add(p.getKey() + "=" + p.getValue());
        }
        return new BenchmarkPlan(index, e.name(), e.mode(), params, passed, threads, forks, wf, wi, w, i, r,
                BenchmarkPlan.forkSeconds(e.mode(), wi, w, i, r), !o.jvmArgsGiven() && e.jvmArgs() == null,
                choosesGc(o, e));
    }

    /** Whether the user's options or the benchmark's {@code @Fork} name a collector for the forks. */
    private static boolean choosesGc(JmhOptions o, BenchmarkEntry e) {
        List<String> args = new ArrayList<>(e.forkJvmArgs());
        List<String> pass = o.passThrough();
        for (int k = 0; k + 1 < pass.size(); k += 2) {
            if (pass.get(k).startsWith("-jvmArgs")) {
                args.add(pass.get(k + 1));
            }
        }
        return args.stream().anyMatch(a -> BenchmarkPlan.GC_OPTION.matcher(a).find());
    }

    private static int first(Integer option, Integer annotation, int fallback) {
        return option != null ? option : annotation != null ? annotation : fallback;
    }

    private static int compareOrders(List<Integer> a, List<Integer> b) {
        for (int k = 0; k < Math.min(a.size(), b.size()); k++) {
            int c = Integer.compare(a.get(k), b.get(k));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static String names(BenchmarkSource s) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        s.entries().forEach(e -> names.put(e.name(), true));
        List<String> list = new ArrayList<>(names.keySet());
        return list.size() + " benchmark" + (list.size() == 1 ? "" : "s") + ": "
                + String.join(", ", list.subList(0, Math.min(3, list.size()))) + (list.size() > 3 ? ", ..." : "");
    }

    /** JMH's defaults: 1.21 lowered them from 10 forks of 20 + 20 iterations of 1 s. */
    record Defaults(int forks, int warmupIterations, int iterations, JmhTime time) {
        static Defaults of(String version) {
            boolean old = version != null && !BenchmarkSource.atLeast(version, 1, 21);
            return old ? new Defaults(10, 20, 20, new JmhTime("1 s", 1_000_000_000L))
                    : new Defaults(5, 5, 5, new JmhTime("10 s", 10_000_000_000L));
        }
    }
}
