package dev.corescope.workload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * An external command, timed as a process (like hyperfine's parameter scan): {@code /bin/sh -c CMD}
 * with {@code {n}} replaced by the task's size and {@code {seed}} by its seed. Standard output is
 * discarded; a non-zero exit makes the task fail with the exit code and the last line of standard
 * error. The task's time is the whole process lifetime: fork/exec, shell start-up and the command.
 *
 * <p>Spec: this class's name with {@code cmd=<base64url of the command>} (spec values are one word).
 */
public final class CommandWorkload implements Workload {
    public static final String PARAM = "cmd";
    private static final String SHELL = "/bin/sh";
    private final String template;

    public CommandWorkload(Map<String, String> params) {
        String encoded = params.get(PARAM);
        if (encoded == null) {
            throw new IllegalArgumentException("CommandWorkload needs a cmd parameter");
        }
        this.template = SpecText.decode(encoded);
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
        ProcessBuilder pb = new ProcessBuilder(SHELL, "-c", line);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + SHELL + ": " + e.getMessage(), e);
        }
        String err;
        int code;
        try (InputStream stderr = p.getErrorStream()) {
            err = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
            code = p.waitFor();
        } catch (IOException e) {
            p.destroyForcibly();
            throw new IllegalStateException("lost the command's stderr: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the command");
        }
        if (code != 0) {
            String last = err.lines().filter(s -> !s.isBlank()).reduce((a, b) -> b).orElse("");
            throw new IllegalStateException("exit code " + code + (last.isEmpty() ? "" : ": " + last.trim()));
        }
        return TaskOutput.of(code);
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
