package dev.corescope.cli;

import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.PlanMemory;
import dev.corescope.experiment.Settings;
import dev.corescope.store.RunDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the measuring commands. */
public final class CommonOptions {
    @Option(names = "--mode", description = "Workers: threads (platform threads) or processes (worker JVMs). Default: ${DEFAULT-VALUE}.",
            defaultValue = "threads", converter = WorkerModeConverter.class)
    WorkerMode mode;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default runs/<timestamp>-<command>).")
    Path out;

    @Mixin
    FormatOption output;

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

    @Option(names = "--task-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "10m", description = "Kill and record a task that runs longer than this. Default: ${DEFAULT-VALUE}.")
    Duration taskTimeout;

    @Option(names = "--seed", description = "Base seed of task inputs. Default: ${DEFAULT-VALUE}.", defaultValue = "42")
    long seed;

    @Option(names = "--worker-jvm-opt", paramLabel = "OPT", description = "Extra option for worker JVMs (repeatable).")
    List<String> workerJvmOptions = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    /** Checks the shared options before any work starts; also returns the plan memory check they imply. */
    PlanMemory validate() {
        if (taskTimeout.isZero() || taskTimeout.isNegative()) {
            throw new UsageError("--task-timeout must be positive");
        }
        if (out != null && out.toString().isBlank()) {
            throw new UsageError("--out is empty: name a directory");
        }
        return PlanMemory.of(mode, workerJvmOptions);
    }

    Settings settings(String command) {
        validate();
        return new Settings(command, commandLine(), mode, out, taskTimeout, workerJvmOptions, seed, quiet || output.format() != FormatOption.Format.table);
    }

    /** Copies these options onto an API builder. */
    <B extends dev.corescope.ExperimentBuilder<B>> B apply(B builder, dev.corescope.experiment.SpinSetup spin) {
        validate();
        builder.mode(mode).out(out).taskTimeout(taskTimeout).seed(seed).workerJvmOptions(workerJvmOptions)
                .commandLine(commandLine())
                .progress(ConsoleProgress.factory(quiet || output.format() != FormatOption.Format.table));
        return spin.loops() != null ? builder.loops(spin.loops()) : builder.target(spin.target());
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
