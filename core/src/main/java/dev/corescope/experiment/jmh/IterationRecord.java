package dev.corescope.experiment.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line of a {@code corescope jmh} run's {@code records.jsonl}: one measured iteration of one fork, written as
 * soon as its job ends (a failed job is one line with its status and error, and no score).
 *
 * @param kind      {@code measured}, {@code control} or {@code rerun}
 * @param workers   the level when the job started
 * @param othersMin the fewest other jobs beside it at any moment (0: alone at times)
 * @param othersMax the most other jobs beside it (0: a solo fork)
 * @param iteration 0-based; -1 on a failed job's line
 * @param score     the iteration's score in {@code unit} (in {@code sample} mode, its samples' mean)
 * @param status    {@code ok}, {@code failed}, {@code timeout} or {@code crashed}
 * @param side      where the iteration ran: {@code alone}, {@code level} (beside others filling the level) or
 *                  {@code partial}; null when its JMH did not say when its iterations ended
 */
public record IterationRecord(String runId, String job, String benchmark, String mode, Map<String, String> params,
                              int fork, String kind, int workers, List<Integer> cpus, int othersMin, int othersMax,
                              int iteration, Double score, String unit, double startSeconds, double endSeconds,
                              String status, String error, String side) {
    /** The lines of one job's outcome. */
    public static List<IterationRecord> of(String runId, JobOutcome o) {
        BenchmarkPlan p = o.job().plan();
        String kind = o.job().kind().name().toLowerCase(java.util.Locale.ROOT);
        double start = o.startNanos() / 1e9;
        double end = o.endNanos() / 1e9;
        List<IterationRecord> out = new ArrayList<>();
        if (!o.ok()) {
            out.add(new IterationRecord(runId, o.job().id(), p.benchmark(), p.mode().label(), p.params(), o.job().fork(),
                    kind, o.width(), o.cpus(), o.othersMin(), o.othersMax(), -1, null, null, start, end,
                    o.run().status().word(), o.run().error(), null));
            return out;
        }
        ForkData f = o.run().fork();
        List<IterationContext> ctx = o.contexts();
        for (int i = 0; i < f.iterations().size(); i++) {
            double s = f.iterations().get(i);
            out.add(new IterationRecord(runId, o.job().id(), p.benchmark(), p.mode().label(), p.params(), o.job().fork(),
                    kind, o.width(), o.cpus(), o.othersMin(), o.othersMax(), i, Double.isFinite(s) ? s : null, f.unit(),
                    start, end, "ok", null, ctx == null ? null : ctx.get(i).side(o.width(), o.job().cores())));
        }
        return out;
    }
}
