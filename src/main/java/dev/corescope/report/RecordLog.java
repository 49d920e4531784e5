package dev.corescope.report;

import dev.corescope.exec.RecordSink;
import dev.corescope.exec.TaskRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The append-only {@code records.jsonl}: one JSON object per task, written and flushed the moment
 * the task finishes, so an interrupted run keeps every completed measurement.
 */
public final class RecordLog implements RecordSink, AutoCloseable {
    private final BufferedWriter out;

    public RecordLog(Path file) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        // Introspect the record type now, not on the first measured task.
        Json.LINE.writeValueAsString(new TaskRecord("", "", 1, 0, 0, 0, 0, "", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "", null, null, null));
    }

    @Override
    public synchronized void accept(TaskRecord record) {
        try {
            out.write(Json.LINE.writeValueAsString(record));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to records.jsonl: " + e.getMessage(), e);
        }
    }

    /** Reads a records file back (e.g. for reports). */
    public static java.util.List<TaskRecord> read(Path file) throws IOException {
        java.util.List<TaskRecord> out = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(Json.LINE.readValue(line, TaskRecord.class));
            }
        }
        return out;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
