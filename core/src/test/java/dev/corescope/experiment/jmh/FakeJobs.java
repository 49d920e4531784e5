package dev.corescope.experiment.jmh;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Invented jobs and an executor that "runs" them for a few milliseconds: a start, its warm-up and measured
 * iterations, each marked as JMH's console would mark it, with invented scores that may depend on whether another
 * job ran during the iteration. It records how many ran at once: the scheduler and the certification tested without
 * timing anything real.
 */
final class FakeJobs implements JobExecutor {
    /** An iteration's score, given whether another job ran at some moment of it. */
    @FunctionalInterface
    interface Score {
        double of(JmhJob job, boolean beside, Random r);
    }

    private final Score score;
    private final Function<JmhJob, Status> status;
    final AtomicInteger active = new AtomicInteger();
    final AtomicInteger maxActive = new AtomicInteger();
    final List<String> started = Collections.synchronizedList(new ArrayList<>());
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    long startMillis = 2;
    long iterationMillis = 6;

    FakeJobs(Score score, Function<JmhJob, Status> status) {
        this.score = score;
        this.status = status;
    }

    /** Scores of 100 ± 0.5%, wherever they ran. */
    static FakeJobs clean() {
        return new FakeJobs((j, beside, r) -> 100 * (1 + 0.005 * r.nextGaussian()), j -> Status.OK);
    }

    /** Scores of 100 ± 0.5% alone, {@code factor} times that when another job ran during the iteration. */
    static FakeJobs beside(double factor) {
        return new FakeJobs((j, beside, r) -> 100 * (beside ? factor : 1) * (1 + 0.005 * r.nextGaussian()),
                j -> Status.OK);
    }

    static BenchmarkPlan plan(int index, String name, int threads, int forks, double seconds) {
        JmhTime t = new JmhTime("1 s", 1_000_000_000L);
        return new BenchmarkPlan(index, "bench.B." + name, JmhMode.Throughput, Map.of(), List.of(), threads, forks, 0, 1,
                t, 5, t, seconds, true, false);
    }

    @Override
    public JobRun run(JmhJob job, List<Integer> cpus, Marks marks) throws InterruptedException {
        int now = active.incrementAndGet();
        maxActive.accumulateAndGet(now, Math::max);
        started.add(job.id());
        Random r = new Random(job.id().hashCode());
        List<Double> iterations = new ArrayList<>();
        try {
            Thread.sleep(startMillis);
            marks.mark(Mark.FORK);
            for (int k = 0; k < job.plan().warmupIterations(); k++) {
                Thread.sleep(iterationMillis);
                marks.mark(Mark.WARMUP_ITERATION);
            }
            for (int k = 0; k < job.plan().iterations(); k++) {
                boolean beside = active.get() > 1;
                Thread.sleep(iterationMillis);
                beside |= active.get() > 1;
                if (beside && job.kind() == JmhJob.Kind.CONTROL && k < job.aloneIterations()) {
                    violations.add(job.id() + " is a control but its iteration " + k + " ran beside another job");
                }
                iterations.add(score.of(job, beside, r));
                marks.mark(Mark.ITERATION);
            }
        } finally {
            active.decrementAndGet();
        }
        Status s = status.apply(job);
        if (s != Status.OK) {
            return JobRun.failed(s, "invented " + s.word(), null);
        }
        return JobRun.ok(new ForkData("ops/s", iterations, List.of(), JsonNodeFactory.instance.objectNode()), null);
    }
}
