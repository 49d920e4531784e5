package dev.corescope.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.corescope.exec.RecordSink;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.TaskStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The append-only {@code records.jsonl}: one JSON object per task. A record is kept in memory when its task
 * finishes and written with the others of its stretch by {@link #flush()}, which the session calls at the end
 * of every batch: while tasks are timed, the coordinator does not serialise or write (at full occupancy it
 * would take a worker's CPU). A stretch's records are in the file before the next stretch starts; a long
 * stretch is also written every {@value #FLUSH_EVERY_SECONDS} s, so a killed run keeps all but its last
 * seconds; on Ctrl-C the session's shutdown hook closes the log, which writes what is pending. Fsynced
 * when the log is closed (and before a complete summary is written, see {@link SummaryFiles}). The file is
 * created new ({@code CREATE_NEW}, not through a symlink): a log never appends to another run's records.
 */
public final class RecordLog implements RecordSink, AutoCloseable {
    /** Records of any version: fields this one does not know are skipped. */
    private static final ObjectReader READER = Json.TOLERANT.forType(TaskRecord.class);
    private final FileChannel channel;
    private final BufferedWriter out;
    static final int FLUSH_EVERY_SECONDS = 5;
    private final AtomicLong written = new AtomicLong();
    private final List<TaskRecord> pending = new ArrayList<>();
    private long lastFlush = System.nanoTime();
    private boolean closed;

    public RecordLog(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
        out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
        // Introspect the record type now, not on the first measured task.
        Json.LINE.writeValueAsString(new TaskRecord(new TaskRecord.Task("", "", 1, 0, 0, 0, 0),
                new TaskRecord.Ran("", 0, 0, null), new TaskRecord.Timing(0, 0, 0, 0, 0, 0),
                new TaskRecord.TaskOutcome(0, 0, TaskStatus.OK, null)));
    }

    @Override
    public synchronized void accept(TaskRecord record) {
        pending.add(record);
        if (System.nanoTime() - lastFlush > FLUSH_EVERY_SECONDS * 1_000_000_000L) {
            flush();
        }
    }

    /** Writes the pending records to the file (to the operating system, not fsynced). */
    @Override
    public synchronized void flush() {
        lastFlush = System.nanoTime();
        if (pending.isEmpty() || closed) {
            return;
        }
        try {
            for (TaskRecord r : pending) {
                out.write(Json.LINE.writeValueAsString(r));
                out.newLine();
            }
            out.flush();
            written.addAndGet(pending.size());
            pending.clear();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to records.jsonl: " + e.getMessage(), e);
        }
    }

    /** Records written so far. */
    public long written() {
        return written.get();
    }

    /** Reads a records file back (e.g. for reports); a line that is not a record is an error. */
    public static List<TaskRecord> read(Path file) throws IOException {
        List<TaskRecord> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(READER.readValue(line));
            }
        }
        return out;
    }

    /**
     * What {@link #readTolerant} read: the records, and the lines it skipped.
     *
     * @param tornLastLine the last line is not a whole record (the run was killed while writing it)
     * @param badLines     other lines that are not records
     */
    public record Read(List<TaskRecord> records, boolean tornLastLine, int badLines) {
        /** A one-line warning about the skipped lines, or null when none was skipped. */
        public String warning(Path file) {
            if (!tornLastLine && badLines == 0) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            if (tornLastLine) {
                parts.add("skipped a torn last line (the run was stopped while writing it)");
            }
            if (badLines > 0) {
                parts.add("skipped " + badLines + " other unreadable line(s)");
            }
            return file + ": " + String.join("; ", parts);
        }
    }

    /**
     * Whether a line read as a record is one: it names its experiment, its level, its status and its
     * times (a line of other JSON, {@code {}} or {@code {"a": 1}}, reads as a record of unknowns).
     */
    static boolean isRecord(TaskRecord r) {
        return r != null && r.experiment() != null && r.level() >= 1 && r.status() != null
                && r.wallNanos() >= 0 && r.endNanos() >= r.startNanos();
    }

    /** Reads a records file, skipping a torn last line and unreadable lines (counted in the result). */
    public static Read readTolerant(Path file) throws IOException {
        // decoded leniently: a write cut short can split a multi-byte character
        List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isBlank()) {
            last--;
        }
        List<TaskRecord> out = new ArrayList<>();
        boolean torn = false;
        int bad = 0;
        for (int i = 0; i <= last; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                TaskRecord r = READER.readValue(line);
                if (!isRecord(r)) { // valid JSON that is not a task record: skipped like any unreadable line
                    throw new com.fasterxml.jackson.databind.JsonMappingException(null, "not a task record");
                }
                out.add(r);
            } catch (JsonProcessingException e) {
                if (i == last) {
                    torn = true;
                } else {
                    bad++;
                }
            }
        }
        return new Read(out, torn, bad);
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        flush();
        closed = true;
        try {
            out.flush();
            channel.force(true);
        } finally {
            out.close();
        }
    }
}
