package dev.corescope.exec;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a task ended, as records.jsonl writes it: {@code ok}, {@code failed} or {@code timeout}. */
public enum TaskStatus {
    OK("ok"),
    FAILED("failed"),
    TIMEOUT("timeout");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The status a label names, or null when it names none. */
    public static TaskStatus of(String label) {
        for (TaskStatus s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        return null;
    }
}
