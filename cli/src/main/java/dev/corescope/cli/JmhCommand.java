package dev.corescope.cli;

import dev.corescope.Corescope;
import dev.corescope.Jmh;
import dev.corescope.experiment.JmhResult;
import dev.corescope.experiment.jmh.BenchmarkSource;
import dev.corescope.experiment.jmh.JmhExperiment;
import dev.corescope.experiment.jmh.JmhRun;
import dev.corescope.report.Table;
import dev.corescope.report.jmh.JmhTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code corescope jmh BENCHMARKS.jar [REGEX...] [-- JMH options]}: a JMH suite run N-wide on certified cores. */
@Command(name = "jmh",
        description = {"Run a JMH suite N-wide: each fork a JMH JVM of its own, pinned to its core(s), longest first, "
                + "with controls (forks that measure their first iterations alone, at random points of the run) that "
                + "certify the parallel scores (auto steps down from a level that fails; the forks measured at it are "
                + "rerun alone, and their solo results reported). Writes JMH's own JSON "
                + "result format (jmh-result.json), records.jsonl (one line per iteration) and summary.json.",
            "JMH's options go after '--' and mean what they mean to JMH (-f, -wi, -i, -w, -r, -p, -bm, -tu, "
                + "-jvmArgs...): e.g. corescope jmh target/benchmarks.jar Sort -- -f 3 -wi 3 -i 5 -w 1s -r 1s",
            "--task-timeout is a fork's time limit (default: twice its planned time plus a minute)."})
public final class JmhCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BENCHMARKS.jar [REGEX...] [-- JMH options]", arity = "0..*",
            description = "The uber jar (as JMH's archetype builds it; not with --classpath), then benchmark patterns.")
    List<String> words = new ArrayList<>();

    @Option(names = {"-w", "--workers"}, paramLabel = "auto|N", defaultValue = "auto",
            description = "Forks run at once: auto = the threshold measured by 'corescope investigate' (measured first "
                    + "when none is cached), checked in the run and lowered when it fails; N = exactly N, checked. "
                    + "Default: ${DEFAULT-VALUE}.")
    String workers;

    @Option(names = "--classpath", paramLabel = "CP",
            description = "Benchmarks on a class path instead of an uber jar (what 'java -cp CP org.openjdk.jmh.Main' runs).")
    String classpath;

    @Option(names = "--controls", paramLabel = "PCT", defaultValue = "5%",
            description = "Share of the suite's planned time the controls may cost (the level's other CPUs idle while "
                    + "a control measures alone; at least 4 controls per level); 0%% = none, nothing certified. "
                    + "Default: ${DEFAULT-VALUE}.")
    String controls;

    @Mixin
    PinOption pin;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        if (!run.workerJvmOptions.isEmpty()) {
            throw new UsageError("--worker-jvm-opt does not apply to jmh: give the forks' JVM options to JMH after '--' "
                    + "(-jvmArgs, -jvmArgsAppend)");
        }
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        int dash = original.indexOf("--");
        int after = dash < 0 ? 0 : original.size() - dash - 1;
        List<String> before = words.subList(0, words.size() - after);
        List<String> jmhArgs = words.subList(words.size() - after, words.size());
        Jmh jmh = Corescope.jmh().jmhOptions(jmhArgs).workers(workers).controls(controlShare()).pin(pin.pin()).out(run.out).seed(run.seed)
                .commandLine(run.commandLine()).exit(run.exit()).progress(ConsoleProgress.factory(run.silent()))
                .notices(n -> System.err.println("corescope: " + n));
        if (spec.commandLine().getParseResult().hasMatchedOption("--task-timeout")) {
            if (run.taskTimeout.isZero() || run.taskTimeout.isNegative()) {
                throw new UsageError("--task-timeout must be positive");
            }
            jmh.forkTimeout(run.taskTimeout);
        }
        if (classpath != null) {
            jmh.classpath(classpath).patterns(before);
        } else if (before.isEmpty()) {
            throw new UsageError("name a JMH benchmark jar (or --classpath CP)");
        } else {
            jmh.jar(Path.of(before.get(0))).patterns(before.subList(1, before.size()));
        }
        BenchmarkSource source = jmh.source();
        if (jmh.options().listing() != null) {
            return jmh.list(source);
        }
        jmh.plan();
        jmh.resolveWorkers();
        JmhResult result;
        try {
            result = run.runDirectoryChecked(jmh::run);
        } catch (JmhExperiment.Interrupted e) {
            return 130;
        }
        return render(result);
    }

    private double controlShare() {
        String t = controls.trim();
        if (t.equals("0") || t.equals("0%")) {
            return 0;
        }
        return Percent.parse("--controls", controls);
    }

    private int render(JmhResult r) {
        Path dir = Path.of(r.metadata().runDirectory());
        run.output.htmlIfRequested(dir);
        switch (run.output.format()) {
            case json -> Output.printJson(System.out, r);
            case csv, markdown -> run.output.print(r, table(r));
            default -> {
                System.out.print(JmhTable.render(r));
                System.out.println("run directory: " + dir + " (" + JmhExperiment.RESULT_FILE + " in JMH's JSON format, "
                        + "records.jsonl, summary.json, jobs/ with each fork's JMH output)");
            }
        }
        List<JmhRun.Benchmark> failed = r.jmh().benchmarks().stream().filter(JmhRun.Benchmark::failed).toList();
        if (!failed.isEmpty()) {
            System.err.printf(Locale.ROOT, "corescope: %d benchmark result(s) failed: %s%n", failed.size(),
                    String.join("; ", failed.stream().map(b -> b.benchmark() + " " + b.mode() + " " + b.params() + ": "
                            + b.error()).toList()));
            return 1;
        }
        return 0;
    }

    private static Table table(JmhResult r) {
        Table t = new Table("benchmark", "mode", "params", "cnt", "score", "error", "units", "certified");
        for (JmhRun.Benchmark b : r.jmh().benchmarks()) {
            t.row(b.benchmark(), b.mode(), b.params().toString(), b.samples(), b.score(), b.scoreError(), b.unit(),
                    b.certified());
        }
        return t;
    }
}
