package dev.corescope.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordLogTest {
    @TempDir
    Path tmp;

    static TaskRecord record(int i) {
        return new TaskRecord(new TaskRecord.Task("r", "sweep", 1, 0, 0, i, 0), new TaskRecord.Ran("thread-1", 1, 1, null),
                new TaskRecord.Timing(0, 10, 10, 10, 0, 0), new TaskRecord.TaskOutcome(0, 0, TaskStatus.OK, null), null, null);
    }

    @Test
    void writesABatchAtItsEndCountsWhatItWroteAndNeverAppendsToAnExistingLog() throws Exception {
        Path file = tmp.resolve("records.jsonl");
        try (RecordLog log = new RecordLog(file)) {
            log.accept(record(0));
            log.accept(record(1));
            assertThat(log.written()).as("kept in memory until the batch ends").isZero();
            assertThat(Files.readString(file)).isEmpty();
            log.flush();
            assertThat(log.written()).isEqualTo(2);
            assertThat(RecordLog.read(file)).as("in the file once flushed").hasSize(2);
            log.accept(record(2));
        }
        assertThat(RecordLog.read(file)).as("closing writes what is pending").hasSize(3);
        assertThatThrownBy(() -> new RecordLog(file)).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }

    @Test
    void aTornLastLineIsSkippedAndSaidOnce() throws Exception {
        Path file = tmp.resolve("records.jsonl");
        try (RecordLog log = new RecordLog(file)) {
            log.accept(record(0));
            log.accept(record(1));
        }
        // cut short in the middle of a multi-byte character
        byte[] tail = "{\"runId\":\"r\",\"error\":\"é".getBytes(StandardCharsets.UTF_8);
        Files.write(file, java.util.Arrays.copyOf(tail, tail.length - 1), StandardOpenOption.APPEND);
        RecordLog.Read read = RecordLog.readTolerant(file);
        assertThat(read.records()).hasSize(2);
        assertThat(read.tornLastLine()).isTrue();
        assertThat(read.badLines()).isZero();
        assertThat(read.warning(file)).isEqualTo(file + ": skipped a torn last line (the run was stopped while writing it)");
        assertThat(RecordLog.readTolerant(tmp.resolve("records.jsonl")).records()).hasSize(2);
    }

    @Test
    void aWholeFileHasNoWarning() throws Exception {
        Path file = tmp.resolve("records.jsonl");
        try (RecordLog log = new RecordLog(file)) {
            log.accept(record(0));
        }
        assertThat(RecordLog.readTolerant(file).warning(file)).isNull();
    }
}
