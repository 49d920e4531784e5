package dev.corescope.cli;

import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.PlanMemory;
import dev.corescope.experiment.Settings;
import picocli.CommandLine.Option;

/** Options shared by the measuring commands: the worker mode, and those of the run ({@link RunOptions}). */
public final class CommonOptions extends RunOptions {
    @Option(names = "--mode", paramLabel = "MODE", description = "Workers: threads (platform threads) or processes (worker JVMs). Default: ${DEFAULT-VALUE}.",
            defaultValue = "threads", converter = WorkerModeConverter.class)
    WorkerMode mode;

    /** Notes for the user, said on stderr when the run starts (after every check has passed), unless quiet. */
    final java.util.List<String> notes = new java.util.ArrayList<>();

    /** {@code progress}, saying the {@link #notes} first when the run opens it. */
    private dev.corescope.experiment.Progress.Factory withNotes(dev.corescope.experiment.Progress.Factory progress) {
        return (task, total) -> {
            if (!quiet) {
                notes.forEach(n -> System.err.println("corescope: note: " + n));
            }
            notes.clear();
            return progress.open(task, total);
        };
    }

    /** Whether {@code --mode} was on the command line (not its default). */
    boolean modeGiven() {
        var parsed = mixee == null || mixee.commandLine() == null ? null : mixee.commandLine().getParseResult();
        return parsed == null || parsed.hasMatchedOption("--mode");
    }

    /** Checks the shared options before any work starts; also returns the plan memory check they imply. */
    PlanMemory validate() {
        if (taskTimeout.isZero() || taskTimeout.isNegative()) {
            throw new UsageError("--task-timeout must be positive");
        }
        checkTaskTimeout(null);
        if (out != null && out.toString().isBlank()) {
            throw new UsageError("--out is empty: name a directory");
        }
        return PlanMemory.of(mode, workerJvmOptions);
    }

    Settings settings(String command) {
        validate();
        return new Settings(command, commandLine(), mode, out, taskTimeout, workerJvmOptions, seed, silent());
    }

    /** Copies these options onto an API builder (after {@link #validate()}). */
    <B extends dev.corescope.ExperimentBuilder<B>> B apply(B builder) {
        validate();
        return builder.mode(mode).out(out).taskTimeout(taskTimeout).seed(seed).workerJvmOptions(workerJvmOptions)
                .commandLine(commandLine()).exit(exit())
                .progress(withNotes(ConsoleProgress.factory(silent())));
    }

    /** Copies these options and the spin task's length onto an API builder. */
    <B extends dev.corescope.ExperimentBuilder<B>> B apply(B builder, dev.corescope.experiment.SpinSetup spin) {
        apply(builder);
        checkTaskTimeout(spin.target());
        return spin.loops() != null ? builder.loops(spin.loops()) : builder.target(spin.target());
    }
}
