package dev.corescope.experiment.jmh;

import dev.corescope.experiment.jmh.JmhCertifier.Block;
import dev.corescope.experiment.jmh.JmhCertifier.Evidence;
import dev.corescope.experiment.jmh.JmhCertifier.Outcome;
import dev.corescope.experiment.jmh.JmhCertifier.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The proof of a run, as it goes ({@link JmhScheduler.Steering}): collects every fork as a block (alone, or beside
 * others at its level), asks the {@link JmhCertifier} after each fork of a control benchmark, and acts on its
 * verdict. A level that fails, or is still unsettled when the controls' budget is spent, steps down by half
 * ({@code auto} only; with {@code --workers N} the verdict is reported and nothing is rerun): the forks measured at
 * it are rerun at the lower level (alone at level 1), except those of a control benchmark certified on its own. A
 * level that needs more data gets another control benchmark while the budget lasts (the controls' share of the
 * planned time, and at least the cost of two control benchmarks: one extension is always possible).
 */
public final class JmhCertification implements JmhScheduler.Steering {
    /** The test in use; INTERIM until issue 24's equivalence test replaces {@link InterimCertifier} here. */
    public static final JmhCertifier DEFAULT_CERTIFIER = InterimCertifier.DEFAULT;

    private final JmhCertifier certifier;
    private final JmhControls controls;
    private final boolean stepDown;
    private final Random rng;
    private final Supplier<String> ids;
    private final List<JmhJob> measured;
    private final double budget;
    private double spent;
    private final Map<String, BenchmarkPlan> controlPlans = new LinkedHashMap<>();
    private final Map<String, List<Block>> solo = new HashMap<>();
    private final Map<String, List<Block>> parallel = new HashMap<>();
    private final Map<String, Integer> pending = new HashMap<>();
    private final Map<String, Integer> nextFork = new HashMap<>();
    private final List<JobOutcome> parallelReported = new ArrayList<>();
    private final Map<Integer, Verdict> verdicts = new LinkedHashMap<>();
    /** Levels stepped down from, and the control benchmarks certified on their own there (their forks stand). */
    private final Map<Integer, List<String>> failed = new HashMap<>();
    private final List<String> steps = new ArrayList<>();

    /**
     * @param measured the run's measured jobs (what the controls' budget is a share of)
     * @param stepDown {@code auto}: a failing level steps down and its forks are rerun
     */
    public JmhCertification(JmhCertifier certifier, JmhControls controls, List<JmhJob> measured, boolean stepDown,
                            Random rng, Supplier<String> ids) {
        this.certifier = certifier;
        this.controls = controls;
        this.stepDown = stepDown;
        this.rng = rng;
        this.ids = ids;
        this.measured = List.copyOf(measured);
        // at least what the first control benchmark and one more cost: a level that needs more data gets it once
        double perBenchmark = controls.soloForks() * measured.stream().mapToDouble(JmhJob::seconds).average().orElse(0);
        this.budget = controls.enabled() ? Math.max(controls.budget(measured), 2 * perBenchmark) : 0;
        for (JmhJob j : measured) {
            pending.merge(j.plan().key(), 1, Integer::sum);
            nextFork.merge(j.plan().key(), j.fork() + 1, Math::max);
        }
    }

    /** The first control benchmarks' solo jobs, for a run at {@code width}. */
    public List<JmhJob> initialControls(int width) {
        int k = controls.count(measured, width);
        return addControls(JmhControls.choose(JmhControls.eligible(measured, width), controlPlans.keySet(), k, rng));
    }

    private List<JmhJob> addControls(List<BenchmarkPlan> plans) {
        List<JmhJob> out = new ArrayList<>();
        for (BenchmarkPlan p : plans) {
            int cores = measured.stream().filter(j -> j.plan().equals(p)).mapToInt(JmhJob::cores).findFirst().orElse(1);
            List<JmhJob> jobs = controls.soloJobs(p, cores, nextFork.getOrDefault(p.key(), 0), ids);
            nextFork.merge(p.key(), jobs.size(), Integer::sum);
            pending.merge(p.key(), jobs.size(), Integer::sum);
            controlPlans.put(p.key(), p);
            spent += jobs.stream().mapToDouble(JmhJob::seconds).sum();
            out.addAll(jobs);
        }
        return out;
    }

    @Override
    public JmhScheduler.Change after(JobOutcome o, int width) {
        String key = o.job().plan().key();
        pending.merge(key, -1, Integer::sum);
        List<JmhJob> late = new ArrayList<>();
        if (o.ok()) {
            Block b = new Block(o.job().id(), o.width(), o.othersMin(), o.othersMax(), o.run().fork().iterations());
            (o.alone() ? solo : parallel).computeIfAbsent(key, k -> new ArrayList<>()).add(b);
            if (o.job().reported() && !o.alone()) {
                parallelReported.add(o);
                if (failed.containsKey(o.width()) && !failed.get(o.width()).contains(key)) {
                    late.add(rerun(o)); // began before its level failed, ended after
                }
            }
        }
        if (!controlPlans.containsKey(key) || width <= 1) {
            return new JmhScheduler.Change(width, late, List.of(), false);
        }
        Verdict v = judge(width);
        if (v.level() == Outcome.NOT_CERTIFIED && stepDown) {
            JmhScheduler.Change c = stepDown(width, v);
            late.addAll(c.reruns());
            return new JmhScheduler.Change(c.width(), late, List.of(), c.dropControls());
        }
        if (v.level() == Outcome.MORE_DATA && controlsDone()) {
            List<JmhJob> more = extend(width);
            if (!more.isEmpty()) {
                return new JmhScheduler.Change(width, late, more, false);
            }
        }
        return new JmhScheduler.Change(width, late, List.of(), false);
    }

    private JmhJob rerun(JobOutcome o) {
        JmhJob r = o.job().rerun(ids.get());
        pending.merge(r.plan().key(), 1, Integer::sum);
        return r;
    }

    @Override
    public JmhScheduler.Change atEnd(int width) {
        if (width <= 1 || controlPlans.isEmpty()) {
            return JmhScheduler.Change.none(width);
        }
        Verdict v = judge(width);
        if (v.level() == Outcome.CERTIFIED) {
            return JmhScheduler.Change.none(width);
        }
        if (v.level() == Outcome.MORE_DATA) {
            List<JmhJob> more = extend(width);
            if (!more.isEmpty()) {
                return new JmhScheduler.Change(width, List.of(), more, false);
            }
        }
        return stepDown ? stepDown(width, v) : JmhScheduler.Change.none(width);
    }

    /** Another control benchmark, when the budget pays for it; none otherwise. */
    private List<JmhJob> extend(int width) {
        double cost = controls.soloForks() * measured.stream().mapToDouble(JmhJob::seconds).average().orElse(0);
        if (spent + cost > budget) {
            return List.of();
        }
        // one whose forks already ran beside others, so its solo forks complete the evidence
        List<BenchmarkPlan> eligible = JmhControls.eligible(measured, width);
        List<BenchmarkPlan> measuredBeside = eligible.stream().filter(p -> parallel.getOrDefault(p.key(), List.of())
                .stream().anyMatch(b -> b.width() == width)).toList();
        List<JmhJob> more = addControls(JmhControls.choose(measuredBeside.isEmpty() ? eligible : measuredBeside,
                controlPlans.keySet(), 1, rng));
        if (!more.isEmpty()) {
            steps.add("level " + width + " not settled: one more control benchmark, " + more.get(0).plan().label());
        }
        return more;
    }

    private boolean controlsDone() {
        return controlPlans.keySet().stream().allMatch(k -> pending.getOrDefault(k, 0) <= 0);
    }

    private Verdict judge(int width) {
        List<Evidence> evidence = new ArrayList<>();
        for (BenchmarkPlan p : controlPlans.values()) {
            evidence.add(new Evidence(p.key(), p.mode().higherIsBetter(), solo.getOrDefault(p.key(), List.of()),
                    parallel.getOrDefault(p.key(), List.of()).stream().filter(b -> b.width() == width).toList()));
        }
        Verdict v = certifier.judge(width, evidence);
        verdicts.put(width, v);
        return v;
    }

    private JmhScheduler.Change stepDown(int width, Verdict v) {
        int lower = Math.max(1, width / 2);
        List<String> certified = v.benchmarks().stream().filter(b -> b.outcome() == Outcome.CERTIFIED)
                .map(JmhCertifier.BenchmarkVerdict::benchmark).toList();
        failed.put(width, certified);
        List<JmhJob> reruns = new ArrayList<>();
        for (JobOutcome o : parallelReported) {
            if (o.width() == width && !certified.contains(o.job().plan().key())) {
                reruns.add(rerun(o));
            }
        }
        steps.add("level " + width + (v.level() == Outcome.NOT_CERTIFIED ? " not certified" : " not settled") + " ("
                + v.reason() + "): stepped down to " + lower + "; " + reruns.size() + " fork(s) measured at " + width
                + " rerun " + (lower == 1 ? "alone" : "at " + lower));
        return new JmhScheduler.Change(lower, reruns, List.of(), lower == 1);
    }

    /** The last verdict of each level judged, in the order they were first judged. */
    public Map<Integer, Verdict> verdicts() {
        return java.util.Collections.unmodifiableMap(verdicts);
    }

    /** What happened: step-downs and extensions, one line each. */
    public List<String> steps() {
        return List.copyOf(steps);
    }

    /** The control benchmarks' keys. */
    public List<String> controlBenchmarks() {
        return List.copyOf(controlPlans.keySet());
    }

    public JmhCertifier certifier() {
        return certifier;
    }
}
