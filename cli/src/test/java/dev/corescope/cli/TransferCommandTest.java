package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferCommandTest {
    private static final long GIB = 1L << 30;

    @Test
    void sizesUseBinaryUnits() {
        assertThat(TransferCommand.parseSize("0")).isZero();
        assertThat(TransferCommand.parseSize("512")).isEqualTo(512);
        assertThat(TransferCommand.parseSize("1KB")).isEqualTo(1024);
        assertThat(TransferCommand.parseSize("1kib")).isEqualTo(1024);
        assertThat(TransferCommand.parseSize("16MB")).isEqualTo(16L << 20);
        assertThat(TransferCommand.parseSize("1.5M")).isEqualTo(3L << 19);
        assertThat(TransferCommand.parseSize("2GB")).isEqualTo(2 * GIB);
        assertThatThrownBy(() -> TransferCommand.parseSize("lots")).isInstanceOf(UsageError.class)
                .hasMessageContaining("not a size");
    }

    private static int run(StringWriter err, String... args) {
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void badInputExitsTwoWithOneLineBeforeRunning(@TempDir Path tmp) {
        Path out = tmp.resolve("never");
        StringWriter err = new StringWriter();
        assertThat(run(err, "transfer", "--bytes", "3GB", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("2 GiB limit").doesNotContain("Exception");
        assertThat(run(new StringWriter(), "transfer", "--mode", "fast", "--out", out.toString())).isEqualTo(2);
        assertThat(run(new StringWriter(), "transfer", "--durations", "soon", "--out", out.toString())).isEqualTo(2);
        assertThat(run(new StringWriter(), "transfer", "--tasks", "0", "--out", out.toString())).isEqualTo(2);
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void aSmallThreadRunPrintsTheMapAndWritesItsFiles(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true));
            code = run(new StringWriter(), "transfer", "--mode", "threads", "--workers", "2", "--durations", "100us,1ms",
                    "--bytes", "0,1KB", "--tasks", "4", "--cell-budget", "200ms", "-q", "--out", out.toString());
        } finally {
            System.setOut(old);
        }
        String text = buf.toString();
        // on a busy machine a cell's speedup can come out above the CPUs: refused, said, exit 1 (the sanity layer)
        boolean refused = text.contains("Refused: ");
        assertThat(code).isEqualTo(refused ? 1 : 0);
        assertThat(text).contains("speedup").contains("Workers: 2 (--workers).");
        assertThat(text).contains(refused ? "No result" : "With 2 threads");
        for (String f : List.of("records.jsonl", "summary.json", "summary.csv", "speedup-threads.png", "speedup-threads.svg")) {
            assertThat(out.resolve(f)).exists();
        }
        assertThat(Files.readAllLines(out.resolve("summary.csv"))).hasSize(5);
    }
}
