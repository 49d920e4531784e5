package dev.corescope.cli;

import dev.corescope.store.RunDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options of every measuring command about its run, whatever its workers: where it writes, the output
 * format, the task timeout, the seed, worker-JVM options, quiet. {@link CommonOptions} adds {@code --mode};
 * {@code transfer}, whose {@code --mode} also takes {@code both}, uses these alone (and a task timeout of its
 * own by default, through its default-value provider).
 */
public class RunOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default runs/<timestamp>-<command>).")
    Path out;

    @Mixin
    HtmlFormatOption output;

    /** The command this mixin belongs to, for its command line. */
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    /** {@code corescope <command> <its arguments>} as typed. */
    List<String> commandLine() {
        List<String> cmd = new ArrayList<>(List.of("corescope"));
        if (mixee != null && mixee.commandLine() != null && mixee.commandLine().getParseResult() != null) {
            cmd.addAll(mixee.commandLine().getParseResult().originalArgs());
        }
        return cmd;
    }

    /** How this process is ending: {@link Main}'s, shared with the run's sessions (a fresh one without a Main). */
    dev.corescope.experiment.ProcessExit exit() {
        picocli.CommandLine top = mixee == null ? null : mixee.commandLine();
        while (top != null && top.getParent() != null) {
            top = top.getParent();
        }
        return top != null && top.getCommand() instanceof Main m ? m.exit : new dev.corescope.experiment.ProcessExit();
    }

    @Option(names = "--task-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "10m", description = "Kill and record a task that runs longer than this. Default: ${DEFAULT-VALUE}.")
    Duration taskTimeout;

    /** Refuses a timeout below the floor, or shorter than twice the task's {@code target} (null: none). */
    void checkTaskTimeout(Duration target) {
        try {
            dev.corescope.experiment.Limits.checkTaskTimeout("--task-timeout", taskTimeout, target);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    @Option(names = "--seed", paramLabel = "S", description = "Base seed of task inputs. Default: ${DEFAULT-VALUE}.", defaultValue = "42")
    long seed;

    @Option(names = "--worker-jvm-opt", paramLabel = "OPT", description = "Extra option for worker JVMs (repeatable).")
    List<String> workerJvmOptions = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    /** No progress on the console: {@code -q}, or a machine-readable format on stdout. */
    boolean silent() {
        return quiet || output.format() != FormatOption.Format.table;
    }

    /** Runs an API call, turning an unusable run directory into a one-line usage error. */
    <T> T runDirectoryChecked(IoCall<T> call) throws Exception {
        try {
            return call.run();
        } catch (RunDirectory.Unusable e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** A call that may fail with an I/O error. */
    interface IoCall<T> {
        T run() throws Exception;
    }

    RunDirectory runDirectory(String command) {
        try {
            return RunDirectory.create(out, command);
        } catch (RunDirectory.Unusable e) {
            throw new UsageError(e.getMessage());
        }
    }
}
