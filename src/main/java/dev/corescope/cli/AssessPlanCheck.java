package dev.corescope.cli;

import dev.corescope.experiment.AssessExperiment;
import dev.corescope.experiment.PlanMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks an {@code assess} plan before any work starts: its task records against the caps and the
 * heap, every size against what each workload can hold, and the heap its largest concurrent tasks
 * need ({@link PlanMemory}); and that an extra output file can be written.
 */
final class AssessPlanCheck {
    /** Tasks of the budget pilot per algorithm: 3 sizes x 3 repeats. */
    static final int PILOT_TASKS = 9;

    private AssessPlanCheck() {
    }

    /**
     * @param workers concurrent workers (1 before they are resolved: that checks what one task needs)
     */
    static void check(PlanMemory memory, List<AssessExperiment.Algo> algos, List<Long> sizes, int repeats,
                      int verifyRepeats, boolean pilot, int workers) {
        long perAlgo = dev.corescope.experiment.Limits.plus(
                dev.corescope.experiment.Limits.times(sizes.size(), repeats + (long) verifyRepeats),
                pilot ? PILOT_TASKS : 0);
        long records = dev.corescope.experiment.Limits.times(algos.size(), perAlgo);
        memory.checkRecords("assess: " + algos.size() + " algorithm(s) x " + sizes.size() + " size(s) x " + repeats
                + " repeats" + (verifyRepeats > 0 ? " (+ " + verifyRepeats + " to verify)" : ""), records);
        long largest = sizes.get(sizes.size() - 1);
        for (AssessExperiment.Algo a : algos) {
            memory.checkTasks(a.label(), a.spec(), largest, workers, records);
        }
    }

    /** A file an option names can be created or replaced: its directory exists and is writable. */
    static void checkOutputFile(String option, Path file) {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (file.toString().isBlank() || dir == null) {
            throw new UsageError(option + " '" + file + "' does not name a file");
        }
        if (Files.isDirectory(abs)) {
            throw new UsageError(option + " " + file + " is a directory");
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new UsageError(option + " " + file + ": " + dir + " is not a writable directory");
        }
    }
}
