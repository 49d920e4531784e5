package dev.corescope.report;

import dev.corescope.experiment.Assessment;
import dev.corescope.experiment.Assessment.AlgorithmResult;
import java.util.List;

/** The level an assessment's algorithms were measured at, taken from their results (a check may lower it). */
public final class AssessLevels {
    private AssessLevels() {
    }

    /**
     * The level the algorithms were measured at, from their results: {@code 2 workers}, {@code 1 worker (2 asked
     * for)}, {@code 1–2 workers (per algorithm; 2 asked for)}.
     */
    public static String measuredAt(Assessment a) {
        int asked = a.plan().workers();
        List<Integer> levels = a.algorithms().stream().map(AlgorithmResult::workers).filter(w -> w > 0).distinct()
                .sorted().toList();
        if (levels.isEmpty()) {
            return asked + " worker" + (asked == 1 ? "" : "s") + " asked for";
        }
        if (levels.size() > 1) {
            return levels.get(0) + "–" + levels.get(levels.size() - 1) + " workers (per algorithm; " + asked
                    + " asked for)";
        }
        int l = levels.get(0);
        return l + " worker" + (l == 1 ? "" : "s") + (l < asked ? " (" + asked + " asked for)" : "");
    }
}
