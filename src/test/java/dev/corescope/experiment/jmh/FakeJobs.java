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
 * Invented jobs and an executor that "runs" them for a few milliseconds and returns invented iteration scores,
 * recording how many ran at once: the scheduler and the certification tested without timing anything.
 */
final class FakeJobs implements JobExecutor {
    /** A score per job: the mean of its iterations. */
    private final Function<JmhJob, Double> mean;
    private final Function<JmhJob, JobExecutor.Status> status;
    final AtomicInteger active = new AtomicInteger();
    final AtomicInteger maxActive = new AtomicInteger();
    final List<String> started = Collections.synchronizedList(new ArrayList<>());
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());

    FakeJobs(Function<JmhJob, Double> mean, Function<JmhJob, JobExecutor.Status> status) {
        this.mean = mean;
        this.status = status;
    }

    static FakeJobs clean() {
        return new FakeJobs(j -> 100.0, j -> Status.OK);
    }

    static BenchmarkPlan plan(int index, String name, int threads, int forks, double seconds) {
        JmhTime t = new JmhTime("1 s", 1_000_000_000L);
        return new BenchmarkPlan(index, "bench.B." + name, JmhMode.Throughput, Map.of(), List.of(), threads, forks, 0, 1,
                t, 5, t, seconds, true, false);
    }

    @Override
    public Run run(JmhJob job, List<Integer> cpus) throws InterruptedException {
        int now = active.incrementAndGet();
        maxActive.accumulateAndGet(now, Math::max);
        started.add(job.id());
        try {
            Thread.sleep(15 + (long) job.seconds());
            if (job.kind() == JmhJob.Kind.CONTROL && active.get() > 1) {
                violations.add(job.id() + " is a control but ran beside another job");
            }
        } finally {
            active.decrementAndGet();
        }
        Status s = status.apply(job);
        if (s != Status.OK) {
            return Run.failed(s, "invented " + s.word(), null);
        }
        Random r = new Random(job.id().hashCode());
        List<Double> iterations = new ArrayList<>();
        double m = mean.apply(job);
        for (int i = 0; i < 5; i++) {
            iterations.add(m * (1 + 0.002 * r.nextGaussian()));
        }
        return Run.ok(new ForkData("ops/s", iterations, List.of(), JsonNodeFactory.instance.objectNode()), null);
    }
}
