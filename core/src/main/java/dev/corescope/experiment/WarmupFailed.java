package dev.corescope.experiment;

import java.util.List;

/**
 * A warm-up task failed: the workload cannot run as asked (a command not found, a class that throws), so
 * nothing is measured after it. The run stops, its summary says why ({@link #summary}) and the command
 * exits 1 with the reason: a failure in warm-up is a failure like any other, never a silent count.
 */
public final class WarmupFailed extends RuntimeException {
    private final int failed;

    /**
     * @param failed  warm-up tasks that failed
     * @param total   warm-up tasks run
     * @param reasons each failure's worker and reason, the first ones
     */
    WarmupFailed(int failed, int total, List<String> reasons) {
        this(failed, "warm-up failed: " + failed + " of " + total + " warm-up task" + (total == 1 ? "" : "s")
                + " failed, so nothing was measured; " + (reasons.isEmpty() ? "no reason was given"
                : (failed > 1 ? "first: " : "") + reasons.get(0)));
    }

    private WarmupFailed(int failed, String message) {
        super(message);
        this.failed = failed;
    }

    public int failed() {
        return failed;
    }

    /** The same failure, its message naming where the run's files are. */
    public WarmupFailed in(String runDirectory) {
        WarmupFailed e = new WarmupFailed(failed, getMessage() + " (summary.json in " + runDirectory + ")");
        e.setStackTrace(getStackTrace());
        return e;
    }

    /**
     * What the session holds when the warm-up failed, with the failure: the experiment's partial summary, or,
     * when it registered none yet, the session's own (no levels measured).
     */
    public RunResult summary(Session s) {
        RunResult r = s.partialSummary();
        if (r == null) {
            r = Summaries.levelRun(s, null, null, false, List.of());
        }
        return r.withRemarks(r.remarks().withFailure(failed, getMessage()));
    }
}
