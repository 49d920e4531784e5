package dev.corescope.experiment.jmh;

import dev.corescope.experiment.jmh.JobExecutor.Mark;

/**
 * The lines of JMH's console output that say where a run is, by their prefixes, which JMH has kept since 1.0
 * ({@code # Warmup Fork: 1 of 2}, {@code # Fork: 1 of 1}, {@code # Warmup Iteration   1: ...},
 * {@code Iteration   1: ...}): JMH's host prints each as soon as its fork reports it, so the moment a line
 * arrives is the moment the iteration ended, within milliseconds. Only the timing is taken from the console; the
 * scores come from JMH's result file. (With {@code -v SILENT} JMH prints none of them: a job's JMH gets
 * {@code -v NORMAL} instead, which changes its log and nothing it measures.)
 */
final class JmhLines {
    private JmhLines() {
    }

    /** The mark a line of JMH's output makes, or null. */
    static Mark mark(String line) {
        if (line.startsWith("# Warmup Iteration")) {
            return Mark.WARMUP_ITERATION;
        }
        if (line.startsWith("Iteration ")) {
            return Mark.ITERATION;
        }
        if (line.startsWith("# Warmup Fork:")) {
            return Mark.WARMUP_FORK;
        }
        if (line.startsWith("# Fork:")) {
            return Mark.FORK;
        }
        return null;
    }
}
