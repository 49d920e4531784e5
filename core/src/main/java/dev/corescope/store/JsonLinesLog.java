package dev.corescope.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * An append-only JSON-lines file of any record type, with {@link RecordLog}'s guarantees: created new
 * ({@code CREATE_NEW}, never through a symlink), one line written and flushed per record, so an interrupted run
 * keeps every line written; fsynced on close. {@code corescope jmh} writes its iteration records with it (its
 * {@code records.jsonl} holds iterations, not tasks).
 */
public final class JsonLinesLog implements AutoCloseable {
    private final FileChannel channel;
    private final BufferedWriter out;
    private long written;
    private boolean closed;

    public JsonLinesLog(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
        out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
    }

    /** Appends the records, one line each, and flushes. */
    public synchronized void append(List<?> records) {
        if (closed) {
            throw new IllegalStateException("the log is closed");
        }
        try {
            for (Object r : records) {
                out.write(Json.LINE.writeValueAsString(r));
                out.newLine();
                written++;
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the record log: " + e.getMessage(), e);
        }
    }

    /** Lines written so far. */
    public synchronized long written() {
        return written;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.flush();
            channel.force(true);
        } finally {
            out.close();
        }
    }
}
