package dev.corescope.exec;


/** How a task ended, as records.jsonl writes it: {@code ok}, {@code failed} or {@code timeout}. */
public enum TaskStatus implements Label {
    OK,
    FAILED,
    TIMEOUT;

    @Override
    public String toString() {
        return label();
    }

    /** The status a label names, or null when it names none. */
    public static TaskStatus of(String label) {
        for (TaskStatus s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        return null;
    }
}
