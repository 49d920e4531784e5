package dev.corescope.exec;

/**
 * Receives each task record as soon as it is measured (called from worker threads); {@link #flush()} at the
 * end of a batch lets a sink that keeps records in memory write them.
 */
@FunctionalInterface
public interface RecordSink {
    void accept(TaskRecord record);

    /** Writes what the sink holds, if anything (the end of a batch). */
    default void flush() {
    }

    RecordSink NONE = r -> { };

    default RecordSink andThen(RecordSink next) {
        RecordSink first = this;
        return new RecordSink() {
            @Override
            public void accept(TaskRecord r) {
                first.accept(r);
                next.accept(r);
            }

            @Override
            public void flush() {
                first.flush();
                next.flush();
            }
        };
    }
}
