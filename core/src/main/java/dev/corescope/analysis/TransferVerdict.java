package dev.corescope.analysis;

import dev.corescope.exec.WorkerMode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Where parallelism stops paying in one worker mode of {@code transfer}: per result size, from which task
 * duration on the parallel run is faster ({@code crossovers}), and one sentence for the whole map
 * ({@code conclusion}): "tasks of X or shorter, or returning more than about Y MB per ms of work, ran
 * slower in parallel than sequentially".
 */
public record TransferVerdict(WorkerMode mode, List<String> crossovers, String conclusion) {
    public TransferVerdict {
        crossovers = crossovers == null ? List.of() : List.copyOf(crossovers);
    }

    /**
     * Where speedup drops below 1, per size (from which duration on parallel pays) and as one sentence:
     * "tasks of X or shorter, or returning more than Y MB per ms of work, ran slower in parallel".
     */
    public static TransferVerdict of(WorkerMode mode, int workers, List<TransferCell> cells) {
        String who = mode == WorkerMode.PROCESSES ? "With " + workers + " worker JVMs" : "With " + workers + " threads";
        List<String> crossovers = new ArrayList<>();
        List<Double> durations = cells.stream().map(TransferCell::durationSeconds).distinct().sorted().toList();
        final List<Long> sizes = cells.stream().map(TransferCell::sizeBytes).distinct().sorted().toList();
        for (long size : sizes) {
            List<TransferCell> row = cells.stream().filter(x -> x.sizeBytes() == size)
                    .sorted((a, b) -> Double.compare(a.durationSeconds(), b.durationSeconds())).toList();
            Double paysFrom = null;
            for (int i = row.size() - 1; i >= 0 && !row.get(i).slower(); i--) {
                paysFrom = row.get(i).durationSeconds();
            }
            String text;
            if (paysFrom == null) {
                text = "slower in parallel at every measured duration";
            } else if (paysFrom.equals(row.get(0).durationSeconds())) {
                text = "faster in parallel at every measured duration";
            } else {
                text = "parallel pays from " + Units.duration(paysFrom) + " of work per task";
            }
            crossovers.add("returning " + Units.bytes(size) + ": " + text);
        }
        List<TransferCell> losers = cells.stream().filter(TransferCell::slower).toList();
        if (cells.isEmpty()) {
            return new TransferVerdict(mode, crossovers, who + ": nothing was measured.");
        }
        if (losers.isEmpty()) {
            return new TransferVerdict(mode, crossovers, who + ", every measured cell ran faster in parallel than "
                    + "sequentially (up to " + Units.duration(durations.get(durations.size() - 1)) + " and "
                    + Units.bytes(sizes.get(sizes.size() - 1)) + " per task).");
        }
        // Short-task bound: on the smallest size's row, the duration b such that "d <= b loses" fits best.
        long smallest = sizes.get(0);
        List<TransferCell> row = cells.stream().filter(x -> x.sizeBytes() == smallest).toList();
        double shortBound = bestBound(row.stream().map(TransferCell::durationSeconds).toList(),
                row.stream().map(TransferCell::slower).toList(), true);
        List<String> parts = new ArrayList<>();
        if (shortBound >= 0) {
            parts.add("tasks of " + Units.duration(shortBound) + " or shorter"
                    + (smallest > 0 ? " (returning " + Units.bytes(smallest) + ")" : ""));
        }
        // Data bound: among longer tasks, the MB-per-ms ratio y such that "ratio >= y loses" fits best.
        List<TransferCell> rest = cells.stream().filter(x -> x.durationSeconds() > shortBound && x.sizeBytes() > 0).toList();
        double y = bestBound(rest.stream().map(TransferCell::mbPerMs).toList(),
                rest.stream().map(TransferCell::slower).toList(), false);
        if (y >= 0 && Double.isFinite(y)) {
            parts.add("returning more than about " + Units.ratio(y) + " MB per ms of work");
        }
        long misfits = cells.stream().filter(x -> x.slower() != predictedSlower(x, smallest, shortBound, y)).count();
        String conclusion;
        if (parts.isEmpty()) {
            conclusion = who + ", " + losers.size() + " of " + cells.size() + " cells ran slower in parallel than sequentially.";
        } else {
            conclusion = who + ", " + String.join(", or ", parts) + ", ran slower in parallel than sequentially "
                    + "(speedup < 1 in " + losers.size() + " of " + cells.size() + " cells"
                    + (misfits == 0 ? "" : "; " + misfits + " cell(s) do not fit this rule, see the table") + ").";
        }
        return new TransferVerdict(mode, crossovers, conclusion);
    }

    private static boolean predictedSlower(TransferCell c, long smallest, double shortBound, double y) {
        if (shortBound >= 0 && c.durationSeconds() <= shortBound) { // more data only makes short tasks worse
            return true;
        }
        return c.durationSeconds() > shortBound && c.sizeBytes() > 0 && y >= 0 && c.mbPerMs() >= y;
    }

    /**
     * The threshold that best separates losing from winning cells by one value: with {@code atOrBelow},
     * "value <= t loses"; otherwise "value >= t loses". Returns the t with fewest misclassified cells
     * (ties: the most conservative), or -1 when predicting "no cell loses" is at least as good.
     */
    static double bestBound(List<Double> values, List<Boolean> slower, boolean atOrBelow) {
        long bestErrors = slower.stream().filter(b -> b).count(); // t = none: every loser is a miss
        double best = -1;
        for (double t : new TreeSet<>(values)) {
            long errors = 0;
            for (int i = 0; i < values.size(); i++) {
                boolean predicted = atOrBelow ? values.get(i) <= t : values.get(i) >= t;
                if (predicted != slower.get(i)) {
                    errors++;
                }
            }
            boolean better = errors < bestErrors
                    || (errors == bestErrors && best >= 0 && (atOrBelow ? t < best : t > best));
            if (better) {
                bestErrors = errors;
                best = t;
            }
        }
        return best;
    }
}
