package dev.corescope.workload;

import dev.corescope.api.PreparedTask;
import dev.corescope.api.ProcessUsage;
import dev.corescope.api.TaskOutput;
import dev.corescope.api.TaskInput;
import dev.corescope.api.Workload;

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
 * with {@code {n}} replaced by the task's size and {@code {seed}} by its seed; anything the shell accepts
 * ({@code VAR=value prog {n}}, subshells, pipes). Standard output is discarded; a non-zero exit makes the
 * task fail with the exit status and the last line of standard error, and the shell's own status 127 (126)
 * says the program was not found (not executable). The task's wall time is the whole process lifetime:
 * fork/exec, the launcher that isolates the command ({@link CommandLauncher}: its own session and process
 * group, a parent-death signal; a few exec()s and one fork more than a bare shell), shell start-up and the
 * command. Its CPU time is the command's own, its children's included ({@link ChildUsage}: known when the
 * command ran alone in its JVM, as in processes mode; unknown when commands overlap in one JVM, as with
 * several thread workers); its run-queue wait is unknown.
 *
 * <p>Nothing the command starts outlives it: when it exits, its whole process group is killed
 * (background children included); when its task is stopped (a timeout interrupts the waiting thread)
 * the group is killed at once; and when corescope or the worker JVM running it dies, even by SIGKILL,
 * the kernel's parent-death signal makes the group kill itself.
 *
 * <p>A prepare command ({@code --prepare}, hyperfine's) runs in {@link #prepare}, before the harness starts the
 * clock: untimed, in the same worker, with the same {@code {n}} and {@code {seed}}, and launched the same way. When
 * it fails, the task fails without running the command ("--prepare failed: exit code 3: its last stderr line"), so
 * a failed preparation is never a measurement.
 *
 * <p>Spec: this class's name with {@code cmd=<base64url of the command>} and, with a prepare command,
 * {@code prepare=<base64url of it>} (spec values are one word).
 */
public final class CommandWorkload implements Workload {
    public static final String PARAM = "cmd";
    public static final String PREPARE = "prepare";
    private static final String SHELL = CommandLauncher.SHELL;
    /** Most bytes of the command's stderr read back for the failure message. */
    private static final int STDERR_TAIL = 64 << 10;
    private final String template;
    private final String prepare;
    private final CommandLauncher launcher;
    private final ChildUsage children = ChildUsage.get();

    public CommandWorkload(Map<String, String> params) {
        String encoded = params.get(PARAM);
        if (encoded == null) {
            throw new IllegalArgumentException("CommandWorkload needs a cmd parameter");
        }
        this.template = SpecText.decode(encoded);
        this.prepare = params.containsKey(PREPARE) ? SpecText.decode(params.get(PREPARE)) : null;
        this.launcher = CommandLauncher.get(); // looked up here, not inside the first timed task
    }

    public static WorkloadSpec spec(String command) {
        return WorkloadSpec.of(CommandWorkload.class.getName(), PARAM, SpecText.encode(command));
    }

    /** A command with a prepare command run untimed before each of its tasks ({@code prepare} null: none). */
    public static WorkloadSpec spec(String command, String prepare) {
        WorkloadSpec s = spec(command);
        return prepare == null ? s : s.with(PREPARE, SpecText.encode(prepare));
    }

    public String template() {
        return template;
    }

    /**
     * The command of a spec's text in words ({@code command 'X'}, with {@code prepare 'Y'}), or null when the spec is
     * not a command's: for reports, where the spec's encoded text would mean nothing.
     */
    public static String describe(String specText) {
        try {
            WorkloadSpec spec = WorkloadSpec.parse(specText);
            if (!spec.name().equals(CommandWorkload.class.getName()) || !spec.params().containsKey(PARAM)) {
                return null;
            }
            String prep = spec.params().get(PREPARE);
            return "command '" + SpecText.decode(spec.params().get(PARAM)) + "'"
                    + (prep == null ? "" : ", prepare '" + SpecText.decode(prep) + "'");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The prepare command's template, or null. */
    public String prepareTemplate() {
        return prepare;
    }

    /** The command line of one task. */
    public static String expand(String template, long size, long seed) {
        return template.replace("{n}", Long.toString(size)).replace("{seed}", Long.toString(seed));
    }

    @Override
    public String name() {
        return "cmd";
    }

    /** Runs the prepare command (if any) untimed, then returns the timed command. */
    @Override
    public PreparedTask prepare(TaskInput input) {
        if (prepare != null) {
            try {
                execute(expand(prepare, input.size(), input.seed()));
            } catch (IllegalStateException e) {
                throw new IllegalStateException("--prepare failed: " + e.getMessage(), e);
            }
        }
        return () -> run(input);
    }

    @Override
    public TaskOutput run(TaskInput input) {
        return execute(expand(template, input.size(), input.seed()));
    }

    /** Runs one command line, its CPU time measured as its children's; throws with the cause when it fails. */
    private TaskOutput execute(String line) {
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
            ChildUsage.Window window = children.begin();
            ProcessUsage usage = ProcessUsage.UNKNOWN;
            int code;
            try {
                Process p;
                try {
                    p = pb.start();
                } catch (IOException e) {
                    throw new IllegalStateException("cannot start " + SHELL + ": " + e.getMessage(), e);
                } finally {
                    deleteQuietly(errFile);
                }
                try {
                    code = p.waitFor(); // the JDK has reaped it: its CPU time is in this JVM's children's account
                    usage = children.end(window);
                    window = null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("stopped while waiting for the command (its process group was killed)");
                } finally {
                    launcher.killAll(p); // the command and whatever it left running
                }
            } finally {
                if (window != null) {
                    children.end(window);
                }
            }
            if (code != 0) {
                throw new IllegalStateException(failure(code, lastLine(err).trim()));
            }
            return new TaskOutput(code, null, usage);
        } catch (IOException e) {
            throw new IllegalStateException("lost the command's stderr: " + e.getMessage(), e);
        }
    }

    /**
     * Why a command failed, from its exit status and the last line it wrote on stderr: 127 and 126 are the shell's
     * own "not found" and "not executable" (POSIX), with the shell's message naming the program; 128 + n a signal.
     */
    static String failure(int code, String lastStderr) {
        String said = lastStderr.isEmpty() ? "" : ": " + lastStderr;
        if (code == 127) {
            return "command not found (exit status 127, the shell's own)" + said;
        }
        if (code == 126) {
            return "command found but not executable (exit status 126, the shell's own)" + said;
        }
        if (code > 128 && code < 128 + 65) {
            return "killed by signal " + (code - 128) + " (exit status " + code + ")" + said;
        }
        return "exit code " + code + said;
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

    /**
     * Checks up front that {@code /bin/sh} can parse the command ({@code sh -n -c}: parsed, never run). Anything the
     * shell accepts is accepted ({@code VAR=value prog {n}}, subshells, pipes, {@code cd dir && ./bench}); whether
     * its programs exist only the shell can tell when it runs them (exit status 127, see {@link #failure}).
     *
     * @throws IllegalArgumentException with the shell's own one-line reason when it cannot
     */
    public static void checkSyntax(String command) {
        checkSyntax("--cmd", command);
    }

    /** {@link #checkSyntax(String)} for the command of {@code option} ({@code --cmd}, {@code --prepare}). */
    public static void checkSyntax(String option, String command) {
        if (command.isBlank()) {
            throw new IllegalArgumentException(option + " is empty");
        }
        String line = expand(command, 1, 1);
        Path err = null;
        try {
            err = Files.createTempFile("corescope-cmd-check-", ".stderr");
            Process p = new ProcessBuilder(List.of(SHELL, "-n", "-c", line)).redirectError(err.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalArgumentException(SHELL + " -n did not finish parsing " + option + " within 10 s");
            }
            if (p.exitValue() != 0) {
                String why = Files.readAllLines(err).stream().filter(s -> !s.isBlank()).findFirst().orElse("").trim();
                throw new IllegalArgumentException(option + " is not a command " + SHELL + " accepts"
                        + (why.isEmpty() ? " (exit status " + p.exitValue() + ")" : ": " + why));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run " + SHELL + " to check the command: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while checking the command");
        } finally {
            if (err != null) {
                deleteQuietly(err);
            }
        }
    }
}
