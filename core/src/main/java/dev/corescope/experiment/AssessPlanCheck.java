package dev.corescope.experiment;

import java.util.List;

/**
 * Checks an {@code assess} plan before any work starts: its task records against the caps and the
 * heap, every size against what each workload can hold, and the heap its largest concurrent tasks
 * need ({@link PlanMemory}); a refusal is a {@link PlanRefused} with its one-line reason.
 */
public final class AssessPlanCheck {
    /** Tasks of the budget pilot per algorithm: 3 sizes x 3 repeats. */
    static final int PILOT_TASKS = 9;

    private AssessPlanCheck() {
    }

    /**
     * @param verifyRepeats records per size beyond the measured ones, at most (controls, stepping down)
     * @param workers       concurrent workers (1 before they are resolved: that checks what one task needs)
     */
    public static void check(PlanMemory memory, List<AssessExperiment.Algo> algos, List<Long> sizes, int repeats,
                             int verifyRepeats, boolean pilot, int workers) {
        long perAlgo = Limits.plus(Limits.times(sizes.size(), repeats + (long) verifyRepeats), pilot ? PILOT_TASKS : 0);
        long records = Limits.times(algos.size(), perAlgo);
        memory.checkRecords("assess: " + algos.size() + " algorithm(s) x " + sizes.size() + " size(s) x " + repeats
                + " repeats" + (verifyRepeats > 0 ? " (+ " + verifyRepeats + " to verify)" : ""), records);
        long largest = sizes.get(sizes.size() - 1);
        for (AssessExperiment.Algo a : algos) {
            memory.checkTasks(a.label(), a.spec(), largest, workers, records);
        }
    }
}
