package dev.corescope.exec;

import java.util.Locale;

/** How a batch of tasks is spread over P workers. */
public enum Strategy {
    /** The lab's {@code core_investigation2}: rounds of P tasks, each round waits for the slowest; the last round holds the remainder. */
    ROUNDS,
    /** P workers pull tasks from one queue; no barrier between tasks. */
    QUEUE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
