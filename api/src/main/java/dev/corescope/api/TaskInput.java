package dev.corescope.api;

/**
 * What one task is given.
 *
 * @param index the task's index in the plan (0, 1, ...): for logging, not for the work
 * @param size  the problem size from {@code --sizes} (elements to sort, a matrix's order...), 0 when unused
 * @param seed  the seed of all the task's randomness: the same size and seed must give the same checksum
 */
public record TaskInput(int index, long size, long seed) {

    /**
     * A size-less task.
     *
     * @param index the task's index in the plan
     * @param seed  the seed of its randomness
     * @return the input, with size 0
     */
    public static TaskInput of(int index, long seed) {
        return new TaskInput(index, 0, seed);
    }
}
