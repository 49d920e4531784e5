package dev.corescope.workload;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * An external command, timed as a process (like hyperfine's parameter scan): {@code /bin/sh -c CMD}
 * with {@code {n}} replaced by the task's size and {@code {seed}} by its seed. Standard output is
 * discarded; a non-zero exit makes the task fail with the exit code and the last line of standard
 * error. The task's time is the whole process lifetime: fork/exec, the launcher that isolates the
 * command ({@link CommandLauncher}: its own session and process group, a parent-death signal; a few
 * exec()s and one fork more than a bare shell), shell start-up and the command.
 *
 * <p>Nothing the command starts outlives it: when it exits, its whole process group is killed
 * (background children included); when its task is stopped (a timeout interrupts the waiting thread)
 * the group is killed at once; and when corescope or the worker JVM running it dies, even by SIGKILL,
 * the kernel's parent-death signal makes the group kill itself.
 *
 * <p>Spec: this class's name with {@code cmd=<base64url of the command>} (spec values are one word).
 */
public final class CommandWorkload implements Workload {
    public static final String PARAM = "cmd";
    private static final String SHELL = CommandLauncher.SHELL;
    /** Most bytes of the command's stderr read back for the failure message. */
    private static final int STDERR_TAIL = 64 << 10;
    private final String template;
    private final CommandLauncher launcher;

    public CommandWorkload(Map<String, String> params) {
        String encoded = params.get(PARAM);
        if (encoded == null) {
            throw new IllegalArgumentException("CommandWorkload needs a cmd parameter");
        }
        this.template = SpecText.decode(encoded);
        this.launcher = CommandLauncher.get(); // looked up here, not inside the first timed task
    }

    public static WorkloadSpec spec(String command) {
        return WorkloadSpec.of(CommandWorkload.class.getName(), PARAM, SpecText.encode(command));
    }

    public String template() {
        return template;
    }

    /** The command line of one task. */
    public static String expand(String template, long size, long seed) {
        return template.replace("{n}", Long.toString(size)).replace("{seed}", Long.toString(seed));
    }

    @Override
    public String name() {
        return "cmd";
    }

    @Override
    public TaskOutput run(TaskInput input) {
        String line = expand(template, input.size(), input.seed());
        Path errFile;
        FileChannel err;
        try {
            // stderr goes to an unlinked file: no pipe to drain, nothing left on disk whatever happens
            errFile = Files.createTempFile("corescope-cmd-", ".stderr");
            err = FileChannel.open(errFile, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a file for the command's stderr: " + e.getMessage(), e);
        }
        try (err) {
            ProcessBuilder pb = new ProcessBuilder(launcher.command(line));
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.redirectError(errFile.toFile());
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + SHELL + ": " + e.getMessage(), e);
            } finally {
                deleteQuietly(errFile);
            }
            int code;
            try {
                code = p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped while waiting for the command (its process group was killed)");
            } finally {
                launcher.killAll(p); // the command and whatever it left running
            }
            if (code != 0) {
                String last = lastLine(err).trim();
                throw new IllegalStateException("exit code " + code + (last.isEmpty() ? "" : ": " + last));
            }
            return TaskOutput.of(code);
        } catch (IOException e) {
            throw new IllegalStateException("lost the command's stderr: " + e.getMessage(), e);
        }
    }

    /** The last non-blank line of the last {@link #STDERR_TAIL} bytes written to {@code err}. */
    private static String lastLine(FileChannel err) throws IOException {
        long size = err.size();
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(size, STDERR_TAIL));
        long at = size - b.capacity();
        while (b.hasRemaining() && err.read(b, at + b.position()) > 0) {
            // read on
        }
        String text = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
        return text.lines().filter(s -> !s.isBlank()).reduce((a, c) -> c).orElse("");
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a stray empty file in the temp directory
        }
    }

    /** The first word of a command (the program), or "" when there is none. */
    public static String program(String command) {
        String t = command.trim();
        if (t.isEmpty()) {
            return "";
        }
        return t.split("\\s+", 2)[0];
    }

    /**
     * Checks up front that the command's program exists ({@code sh -c 'command -v PROGRAM'}).
     *
     * @throws IllegalArgumentException with a one-line reason when it does not
     */
    public static void checkExists(String command) {
        String program = program(command);
        if (program.isEmpty()) {
            throw new IllegalArgumentException("--cmd is empty");
        }
        int code;
        try {
            Process p = new ProcessBuilder(List.of(SHELL, "-c", "command -v -- \"$1\" >/dev/null 2>&1", "sh", program))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            code = p.waitFor();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run " + SHELL + " to check the command: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while checking the command");
        }
        if (code != 0) {
            throw new IllegalArgumentException("command not found: " + program);
        }
    }
}
