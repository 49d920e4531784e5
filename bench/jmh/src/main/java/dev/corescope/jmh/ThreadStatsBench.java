package dev.corescope.jmh;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Where {@code ThreadStats.sample()} spends its time, piece by piece, and what a per-thread reusable
 * channel (open once, re-read from offset 0, parse bytes without decoding) would cost instead.
 * Linux only. Not part of corescope: a measurement for docs/performance-dispatch.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ThreadStatsBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private FileChannel schedstat;
    private FileChannel status;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(4096);

    @Setup
    public void open() throws IOException {
        THREADS.setThreadCpuTimeEnabled(true);
        // JMH runs a @State(Scope.Thread) setup on the benchmark thread: the channels are that thread's own files.
        String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        Path task = Path.of("/proc/self/task", tid);
        schedstat = FileChannel.open(task.resolve("schedstat"), StandardOpenOption.READ);
        status = FileChannel.open(task.resolve("status"), StandardOpenOption.READ);
    }

    @TearDown
    public void close() throws IOException {
        schedstat.close();
        status.close();
    }

    @Benchmark
    public long cpuTime() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** What ThreadStats does for the run-queue wait. */
    @Benchmark
    public long schedstatReadString() throws IOException {
        return Long.parseLong(Files.readString(Path.of("/proc/thread-self/schedstat")).trim().split(" ")[1]);
    }

    /** What ThreadStats does for the involuntary switches. */
    @Benchmark
    public long statusReadAllLines() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/thread-self/status"))) {
            if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return -1;
    }

    /** Alternative: pread(0) on a channel opened once, parse the second number. */
    @Benchmark
    public long schedstatChannel() throws IOException {
        buf.clear();
        schedstat.read(buf, 0);
        int i = 0;
        while (buf.get(i) != ' ') {
            i++;
        }
        long v = 0;
        for (i++; i < buf.position() && buf.get(i) >= '0'; i++) {
            v = v * 10 + (buf.get(i) - '0');
        }
        return v;
    }

    /** Alternative: pread(0) on a channel opened once, find the last line's number. */
    @Benchmark
    public long statusChannel() throws IOException {
        buf.clear();
        status.read(buf, 0);
        int end = buf.position() - 1;
        while (end > 0 && (buf.get(end) < '0' || buf.get(end) > '9')) {
            end--;
        }
        long v = 0;
        long scale = 1;
        for (int i = end; i >= 0 && buf.get(i) >= '0' && buf.get(i) <= '9'; i--) {
            v += (buf.get(i) - '0') * scale;
            scale *= 10;
        }
        return v;
    }
}
