package dev.corescope.experiment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.corescope.analysis.Units;
import dev.corescope.experiment.jmh.JmhRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The result of {@code corescope jmh}: a JMH suite run N-wide ({@link JmhRun}: each benchmark's result, its forks,
 * the certification, the timing, the failures). {@code summary.csv} has one row per benchmark result.
 */
public record JmhResult(@JsonUnwrapped RunInfo run, @JsonUnwrapped Remarks remarks, Metadata metadata, JmhRun jmh)
        implements RunResult {
    public static final String NAME = "jmh";
    public static final String CSV_HEADER = "benchmark,mode,params,threads,forks,samples,score,score_error,unit,"
            + "certified,error";

    /** The level and its verdict, the time saved, the failures. */
    @Override
    public List<String> findings() {
        List<String> out = new ArrayList<>();
        if (jmh == null) {
            return out;
        }
        for (JmhRun.Level l : jmh.certification().levels()) {
            out.add(String.format(Locale.ROOT, "%d workers: %s (%s).", l.workers(), l.verdict(), l.reason()));
        }
        jmh.certification().steps().forEach(s -> out.add(capitalize(s) + "."));
        JmhRun.Timing t = jmh.timing();
        if (t.forkSeconds() > 0 && jmh.setup().workers() == 1) {
            out.add(String.format(Locale.ROOT, "The suite took %s end to end, one fork at a time (1 worker: nothing "
                    + "to save, nothing to certify).", Units.human(t.wallSeconds())));
        } else if (t.forkSeconds() > 0) {
            boolean saved = t.wallSeconds() < t.forkSeconds();
            out.add(String.format(Locale.ROOT, "The suite took %s end to end on %d worker%s; its reported forks, one "
                    + "at a time, took %s: %s", Units.human(t.wallSeconds()), jmh.setup().workers(),
                    jmh.setup().workers() == 1 ? "" : "s", Units.human(t.forkSeconds()), saved
                    ? String.format(Locale.ROOT, "×%.2f of the time, %s saved.", t.ratio(),
                            Units.human(t.forkSeconds() - t.wallSeconds()))
                    : "no time saved (controls, reruns and JVM starts cost more than the parallel forks gained)."));
        }
        long failed = jmh.benchmarks().stream().filter(JmhRun.Benchmark::failed).count();
        if (failed > 0) {
            out.add(failed + " benchmark result(s) failed: " + jmh.benchmarks().stream().filter(JmhRun.Benchmark::failed)
                    .map(JmhRun.Benchmark::benchmark).distinct().collect(Collectors.joining(", ")) + ".");
        }
        return out;
    }

    @Override
    public String csv() {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        if (jmh == null) {
            return sb.toString();
        }
        for (JmhRun.Benchmark b : jmh.benchmarks()) {
            String params = b.params().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
            sb.append(String.join(",", quote(b.benchmark()), b.mode(), quote(params), Integer.toString(b.threads()),
                    Integer.toString(b.forks().size()), Long.toString(b.samples()), Units.csv(b.score()),
                    Units.csv(b.scoreError()), quote(b.unit()), quote(b.certified()), quote(b.error()))).append('\n');
        }
        return sb.toString();
    }

    @Override
    public JmhResult withRemarks(Remarks r) {
        return new JmhResult(run, r, metadata, jmh);
    }

    private static String quote(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
