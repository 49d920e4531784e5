package dev.corescope.experiment.jmh;

import dev.corescope.analysis.JmhStatistics;
import dev.corescope.experiment.jmh.JmhCertifier.ThreeWayVerdict;
import dev.corescope.experiment.jmh.JmhCertifier.CertifierVerdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each benchmark's result from what ran: its reported forks (the last job of each fork number: a rerun replaces the
 * fork it reruns; a control is a reported fork like any other), its score as JMH computes it, and what certifies it.
 */
public final class JmhResults {
    /** A benchmark's reported forks, for the merged JMH result file; only benchmarks whose forks all succeeded. */
    public record Reported(BenchmarkPlan plan, List<ForkData> forks) {
        public Reported {
            forks = List.copyOf(forks);
        }
    }

    /** The result's benchmarks, certification, timing and failures; the forks of the merged file. */
    public record Assembled(List<JmhRun.Benchmark> benchmarks, JmhRun.Certification certification,
                            JmhRun.Timing timing, List<JmhRun.Failure> failures, List<Reported> reported) {
    }

    private JmhResults() {
    }

    /**
     * @param controlsOn whether the run had controls (without them nothing run in parallel is certified)
     * @param stopped    why jobs did not run ({@code interrupted}, {@code -foe}), null when all ran
     */
    public static Assembled assemble(List<BenchmarkPlan> plans, JmhScheduler.Schedule s, JmhCertification c,
                                     boolean controlsOn, String stopped) {
        Map<String, Map<Integer, JobOutcome>> last = new LinkedHashMap<>();
        List<JmhRun.Failure> failures = new ArrayList<>();
        double forkSeconds = 0;
        double controlSeconds = 0;
        double rerunSeconds = 0;
        int controls = 0;
        int reruns = 0;
        for (JobOutcome o : s.outcomes()) {
            JmhJob j = o.job();
            switch (j.kind()) {
                case CONTROL -> {
                    controlSeconds += aloneSeconds(o);
                    controls++;
                }
                case RERUN -> {
                    rerunSeconds += o.seconds();
                    reruns++;
                }
                default -> { }
            }
            if (!o.ok()) {
                failures.add(new JmhRun.Failure(j.id(), j.plan().label(), o.run().status().word(), o.run().error(),
                        o.run().log()));
            }
            last.computeIfAbsent(j.plan().key(), k -> new LinkedHashMap<>()).put(j.fork(), o);
        }
        List<JmhRun.Benchmark> benchmarks = new ArrayList<>();
        List<Reported> reported = new ArrayList<>();
        for (BenchmarkPlan p : plans) {
            List<JobOutcome> forks = new ArrayList<>(last.getOrDefault(p.key(), Map.of()).values());
            forks.sort(Comparator.comparingInt(o -> o.job().fork()));
            JmhRun.Benchmark b = benchmark(p, forks, c, controlsOn, stopped);
            benchmarks.add(b);
            if (!b.failed()) {
                reported.add(new Reported(p, forks.stream().map(o -> o.run().fork()).toList()));
            }
            forkSeconds += forks.stream().filter(JobOutcome::ok).mapToDouble(JobOutcome::seconds).sum();
        }
        List<JmhRun.Level> levels = new ArrayList<>();
        for (CertifierVerdict v : c.verdicts().values()) {
            var e = v.equivalence();
            levels.add(new JmhRun.Level(v.width(), word(v.level(), c.settled(v.width())), v.reason(), v.blocks(),
                    e == null ? null : e.location(), e == null ? null : e.spread(), e == null ? null : e.tail()));
        }
        JmhRun.Certification cert = new JmhRun.Certification(controlsOn ? c.certifier().describe() : "none (no controls)",
                c.controlJobs(), levels, c.steps());
        JmhRun.Timing timing = new JmhRun.Timing(s.wallNanos() / 1e9, forkSeconds, controlSeconds, rerunSeconds,
                s.outcomes().size(), controls, reruns);
        return new Assembled(benchmarks, cert, timing, failures, reported);
    }

    private static JmhRun.Benchmark benchmark(BenchmarkPlan p, List<JobOutcome> forks, JmhCertification c,
                                              boolean controlsOn, String stopped) {
        int planned = Math.max(1, p.forks());
        List<JobOutcome> ok = forks.stream().filter(JobOutcome::ok).toList();
        String error = null;
        JobOutcome bad = forks.stream().filter(o -> !o.ok()).findFirst().orElse(null);
        if (bad != null) {
            error = bad.run().status().word() + ": " + bad.run().error();
        } else if (ok.size() < planned) {
            error = (stopped == null ? "not run" : stopped) + ": " + ok.size() + " of " + planned + " forks measured";
        }
        List<Double> all = new ArrayList<>();
        List<double[]> samples = new ArrayList<>();
        String unit = "";
        List<JmhRun.Fork> runs = new ArrayList<>();
        for (JobOutcome o : ok) {
            ForkData f = o.run().fork();
            all.addAll(f.iterations());
            f.histograms().forEach(samples::addAll);
            unit = f.unit();
            List<IterationContext> ctx = o.contexts();
            runs.add(new JmhRun.Fork(o.job().id(), o.job().fork(), o.job().kind().name().toLowerCase(java.util.Locale.ROOT),
                    o.width(), o.cpus(), o.othersMin(), o.othersMax(), o.startNanos() / 1e9, o.seconds(), f.iterations(),
                    ctx == null ? List.of() : ctx.stream().map(x -> x.side(o.width(), o.job().cores())).toList()));
        }
        JmhStatistics.Score score = p.mode() == JmhMode.SampleTime && !samples.isEmpty()
                ? JmhStatistics.ofHistogram(samples) : JmhStatistics.of(all);
        String certified = error == null ? label(ok, c, controlsOn)
                : bad == null && "interrupted".equals(stopped) ? "interrupted" : bad == null ? "not run" : "failed";
        return new JmhRun.Benchmark(p.benchmark(), p.mode().label(), p.params(), p.threads(), unit, planned, runs,
                score.mean(), score.error(), score.n(), certified, error);
    }

    /** What certifies a benchmark's result (see {@link JmhRun.Benchmark#certified()}). */
    static String label(List<JobOutcome> forks, JmhCertification c, boolean controlsOn) {
        boolean rerun = forks.stream().anyMatch(o -> o.job().kind() == JmhJob.Kind.RERUN);
        List<JobOutcome> parallel = forks.stream().filter(o -> !o.alone()).toList();
        if (parallel.isEmpty()) {
            return rerun ? "solo (rerun)" : "solo";
        }
        int w = parallel.stream().mapToInt(JobOutcome::width).max().orElse(1);
        String prefix = rerun ? "rerun at " + w + ", " : "";
        if (!controlsOn) {
            return prefix + "not verified";
        }
        CertifierVerdict v = c.verdicts().get(w);
        if (v == null || v.level() == ThreeWayVerdict.MORE_DATA) {
            return prefix + "unsettled";
        }
        return prefix + (v.level() == ThreeWayVerdict.CERTIFIED ? "yes" : "no");
    }

    /** A control's time alone: from its start to the end of its last measured iteration that ran alone. */
    static double aloneSeconds(JobOutcome o) {
        List<IterationContext> ctx = o.contexts();
        if (o.alone() || ctx == null) {
            return o.seconds();
        }
        long end = ctx.stream().filter(IterationContext::alone).mapToLong(IterationContext::endNanos).max()
                .orElse(o.startNanos());
        return Math.max(0, end - o.startNanos()) / 1e9;
    }

    static String word(ThreeWayVerdict o, boolean settled) {
        return switch (o) {
            case CERTIFIED -> "certified";
            case NOT_CERTIFIED -> "not certified";
            case MORE_DATA -> settled ? "not settled" : "not settled yet";
        };
    }
}
