package dev.corescope.exec;

/** Receives each task record as soon as it is measured (called from worker threads). */
@FunctionalInterface
public interface RecordSink {
    void accept(TaskRecord record);

    RecordSink NONE = r -> { };

    default RecordSink andThen(RecordSink next) {
        return r -> {
            accept(r);
            next.accept(r);
        };
    }
}
