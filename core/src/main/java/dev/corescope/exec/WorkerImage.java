package dev.corescope.exec;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a worker JVM starts from: its classpath and its class-data-sharing archive. When corescope runs
 * from its shaded jar and the build put {@code corescope-worker.jar} (corescope's classes and JNA, 2.5 MB)
 * beside it, workers use that small jar instead of the 33 MB one, which a JVM would open whole at every
 * start. With the worker jar, workers also map an AppCDS archive of the classes they load
 * ({@code corescope-worker.jsa} beside it): the first worker started without a valid one dumps it when it
 * exits ({@code -XX:ArchiveClassesAtExit}, to a temporary name renamed into place), and an archive older
 * than the jar is replaced, so a rebuilt jar never meets a stale archive. Anywhere else (tests, an IDE,
 * the API on a plain classpath) workers get this JVM's classpath and no archive.
 *
 * @param classpath the worker's {@code -cp}
 * @param options   class-data-sharing options (empty: none)
 * @param dumpTo    the temporary archive a worker writes at exit, or null; {@link #installDump()} moves it
 * @param archive   where the archive belongs, or null
 */
record WorkerImage(String classpath, List<String> options, Path dumpTo, Path archive) {
    static final String WORKER_JAR = "corescope-worker.jar";
    static final String ARCHIVE = "corescope-worker.jsa";
    /** One worker per coordinator JVM dumps the archive. */
    private static final AtomicBoolean DUMPING = new AtomicBoolean();

    /** For the next worker to start from this JVM. */
    static WorkerImage next() {
        return of(codeSource(), System.getProperty("java.class.path"), DUMPING);
    }

    /** For a short-lived JVM beside the workers (a class check): the same classpath and archive, never a dump. */
    static WorkerImage forCheck() {
        return of(codeSource(), System.getProperty("java.class.path"), new AtomicBoolean(true));
    }

    /** Decided from where corescope's classes come from ({@code source}: a jar, a directory, or null). */
    static WorkerImage of(Path source, String fallbackClasspath, AtomicBoolean dumping) {
        if (source == null || !Files.isRegularFile(source) || !source.getFileName().toString().endsWith(".jar")) {
            return new WorkerImage(fallbackClasspath, List.of(), null, null);
        }
        Path dir = source.toAbsolutePath().getParent();
        Path workerJar = dir.resolve(WORKER_JAR);
        if (!Files.isRegularFile(workerJar) || olderThan(workerJar, source)) {
            return new WorkerImage(fallbackClasspath, List.of(), null, null);
        }
        Path archive = dir.resolve(ARCHIVE);
        deleteLeftOverDumps(dir, archive);
        List<String> options = new ArrayList<>();
        Path dumpTo = null;
        if (Files.isRegularFile(archive) && !olderThan(archive, workerJar)) {
            options.add("-XX:SharedArchiveFile=" + archive);
        } else if (Files.isWritable(dir) && dumping.compareAndSet(false, true)) {
            dumpTo = dir.resolve(ARCHIVE + "." + ProcessHandle.current().pid() + ".tmp");
            options.add("-XX:ArchiveClassesAtExit=" + dumpTo);
        }
        return new WorkerImage(workerJar.toString(), List.copyOf(options), dumpTo, archive);
    }

    /** After the dumping worker exited: its archive, if written, replaces any older one. */
    void installDump() {
        if (dumpTo == null) {
            return;
        }
        try {
            if (Files.size(dumpTo) > 0) {
                Files.move(dumpTo, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // no archive this time: the next run tries again
        } finally {
            try {
                Files.deleteIfExists(dumpTo);
            } catch (IOException e) {
                // left behind: harmless
            }
        }
    }

    /**
     * A dump whose coordinator is gone (killed before its worker finished writing) may be incomplete: it
     * is deleted, and a new one made.
     */
    private static void deleteLeftOverDumps(Path dir, Path archive) {
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches(java.util.regex.Pattern.quote(ARCHIVE)
                    + "\\.\\d+\\.tmp")).toList()) {
                String name = p.getFileName().toString();
                long pid = Long.parseLong(name.substring(ARCHIVE.length() + 1, name.length() - 4));
                if (ProcessHandle.of(pid).isEmpty()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to adopt
        }
    }

    private static boolean olderThan(Path a, Path b) {
        try {
            return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b)) < 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static Path codeSource() {
        try {
            var src = WorkerImage.class.getProtectionDomain().getCodeSource();
            return src == null ? null : Path.of(src.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
