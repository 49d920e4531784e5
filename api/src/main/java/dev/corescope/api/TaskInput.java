package dev.corescope.api;

/** What one task is given: its index in the plan, a problem size (0 when unused) and a seed. */
public record TaskInput(int index, long size, long seed) {
    public static TaskInput of(int index, long seed) {
        return new TaskInput(index, 0, seed);
    }
}
