package dev.corescope.exec;

import dev.corescope.api.Workload;
import dev.corescope.workload.WorkloadSpec;
import dev.corescope.workload.Workloads;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The up-front check of a user's workload class, in a JVM of its own started like a worker JVM (its classpath,
 * its class-data archive, the run's {@code --worker-jvm-opt}), never in corescope's: a static initializer that
 * calls {@code System.exit}, hangs, prints or throws meets that JVM, not the coordinator, and a check that does
 * not finish within its timeout is killed. The JVM loads and creates the workload once and prints one marker line
 * with its name, or with the reason it could not; everything else it prints is the user's.
 */
public final class ClassCheck {
    static final String MARKER = "corescope-class-check:";
    private static final int MAX_OUTPUT = 64 << 10;

    private ClassCheck() {
    }

    /**
     * Checks {@code spec} in a new JVM within {@code timeout}.
     *
     * @return the workload's {@link Workload#name()}
     * @throws IllegalArgumentException with a one-line reason when the class cannot be used
     */
    public static String check(WorkloadSpec spec, List<String> jvmOptions, Duration timeout) {
        WorkerImage image = WorkerImage.forCheck();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        image.options().stream().filter(o -> o.startsWith("-XX:SharedArchiveFile=")).forEach(cmd::add);
        cmd.add("-Xlog:disable");
        cmd.add("-Xlog:all=warning,cds*=off:stderr");
        cmd.addAll(jvmOptions);
        cmd.add("-D" + WorkerMain.PARENT_PROPERTY + "=" + ProcessHandle.current().pid());
        cmd.add("-cp");
        cmd.add(image.classpath());
        cmd.add(ClassCheck.class.getName());
        cmd.add(spec.text());
        Path out;
        try {
            out = Files.createTempFile("corescope-class-check-", ".out");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot check the workload class: " + e.getMessage());
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            boolean done;
            try {
                done = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalArgumentException("interrupted while checking the workload class");
            }
            String name = className(spec);
            if (!done) {
                p.destroyForcibly();
                throw new IllegalArgumentException("workload class " + name + " did not load within " + seconds(timeout)
                        + " in a worker JVM (does its static initializer or constructor hang?); that JVM was killed");
            }
            return verdict(name, p.exitValue(), read(out));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot start a JVM to check the workload class: " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(out);
            } catch (IOException e) {
                // a stray temp file
            }
        }
    }

    /** From the check JVM's exit status and output: the name, or an exception with the reason. */
    static String verdict(String className, int exit, String output) {
        List<String> lines = output.lines().toList();
        for (String l : lines) {
            if (l.startsWith(MARKER + " ok ")) {
                return l.substring((MARKER + " ok ").length());
            }
            if (l.startsWith(MARKER + " error ")) {
                throw new IllegalArgumentException(l.substring((MARKER + " error ").length()));
            }
        }
        String last = lines.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("").trim();
        if (last.startsWith("Error:") || last.contains("Could not create the Java Virtual Machine")
                || last.startsWith("Unrecognized") || last.startsWith("Invalid")) {
            String first = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse(last).trim();
            throw new IllegalArgumentException("a worker JVM could not start with the given --worker-jvm-opt: " + first);
        }
        throw new IllegalArgumentException("workload class " + className + " ended its worker JVM (exit status " + exit
                + ") while it was loaded or created: does its static initializer or constructor call System.exit?"
                + (last.isEmpty() ? "" : " It printed: " + last));
    }

    private static String className(WorkloadSpec spec) {
        String c = spec.params().get("class");
        return c != null ? c : spec.name();
    }

    private static String read(Path out) throws IOException {
        byte[] all = Files.readAllBytes(out);
        int from = Math.max(0, all.length - MAX_OUTPUT);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** In the check JVM: loads and creates the workload of {@code args[0]}, then prints the marker line. */
    public static void main(String[] args) {
        PrintStream marker = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        watchParent(Long.getLong(WorkerMain.PARENT_PROPERTY, -1L));
        int status;
        String line;
        try {
            Workload w = Workloads.create(WorkloadSpec.parse(args[0]));
            String name = w.name();
            line = MARKER + " ok " + (name == null ? "" : name.lines().findFirst().orElse(""));
            status = 0;
        } catch (IllegalArgumentException e) {
            line = MARKER + " error " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            status = 3;
        } catch (Throwable e) {
            String m = e.getMessage();
            line = MARKER + " error workload class check failed: " + e.getClass().getSimpleName()
                    + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
            status = 3;
        }
        marker.println();
        marker.println(line);
        marker.flush();
        Runtime.getRuntime().halt(status); // the user's non-daemon threads and shutdown hooks do not keep it
    }

    /** Exits when the coordinator is gone (a check is short: a poll a second is enough). */
    private static void watchParent(long parent) {
        if (parent <= 0) {
            return;
        }
        Thread t = new Thread(() -> {
            while (ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(4);
        }, "corescope-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
