package dev.corescope.cli;

import dev.corescope.experiment.AssessExperiment;
import dev.corescope.workload.UserClassWorkload;
import dev.corescope.workload.WorkloadSpec;
import dev.corescope.workload.algo.Algorithms;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The workload options shared by {@code assess} and {@code investigate}: built-in algorithms, the user's
 * own class, or a command; their parameters, sizes and warm-up.
 */
public final class WorkloadOptions {
    static final int DEFAULT_WARMUP = dev.corescope.Assess.DEFAULT_WARMUP;
    static final int DEFAULT_CMD_WARMUP = 1;
    static final String JIT_WARMUP_REASON = dev.corescope.Assess.JIT_WARMUP_REASON;
    static final String CMD_WARMUP_REASON = "an external command has no JIT; one run per worker loads the program and "
            + "its files into the page cache";

    @Option(names = {"-a", "--algorithm"}, split = ",", paramLabel = "NAME",
            description = "Algorithm(s), comma-separated: ${COMPLETION-CANDIDATES}.", completionCandidates = Known.class)
    List<String> algorithms;

    @Option(names = "--class", paramLabel = "CLASS", description = "Your own workload class (implements dev.corescope.api.Workload).")
    String userClass;

    @Option(names = "--classpath", paramLabel = "PATH", description = "Jar(s) or directories holding --class (separated by the platform's path separator, ':' on Unix).")
    String classpath;

    @Option(names = "--cmd", paramLabel = "COMMAND", description = "External command run with /bin/sh -c, {n} replaced by the size (and {seed} by the seed), timed as a process. "
            + "Repeatable: several commands are compared side by side, like algorithms.")
    List<String> commands;

    @Option(names = "--command-name", paramLabel = "NAME", description = "The name of the --cmd at the same position (repeatable, one per --cmd, in order; "
            + "default: the command's text).")
    List<String> commandNames;

    @Option(names = "--prepare", paramLabel = "COMMAND", description = "Command run untimed before each --cmd task, in the same worker, with the same {n} and {seed}: "
            + "one for every command, or one per --cmd in order. Its failure fails the task (not a measurement).")
    List<String> prepares;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Workload parameter, e.g. order=sorted for the sorts (repeatable); "
            + "with --class it reaches the class's Map<String,String> constructor (refused when it has none).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = {"-n", "--sizes"}, paramLabel = "SIZES",
            description = "Input sizes: a list (50,100,250) and/or ranges FROM..TO:STEP (50..500:50).")
    String sizes;

    @Option(names = "--warmup", paramLabel = "K", description = "Warm-up tasks per worker (assess: per algorithm, cycling through the sizes; investigate: per size) "
            + "(default " + DEFAULT_WARMUP + "; " + DEFAULT_CMD_WARMUP + " with --cmd).")
    Integer warmup;

    /** The known algorithm names, for the help text. */
    static final class Known extends ArrayList<String> {
        Known() {
            super(Algorithms.names());
        }
    }

    /** True when a workload was given (any of --algorithm, --class, --cmd). */
    boolean given() {
        return (algorithms != null && !algorithms.isEmpty()) || userClass != null || hasCommands();
    }

    private boolean hasCommands() {
        return commands != null && !commands.isEmpty();
    }

    /** The sizes of {@code --sizes}; a one-line usage error when missing or bad. */
    List<Long> sizes() {
        if (sizes == null) {
            throw new UsageError("--sizes is required with a workload (examples: -n 250, -n 50..500:50)");
        }
        return parseSizes(sizes);
    }

    int warmup() {
        if (warmup != null) {
            UsageError.check(() -> dev.corescope.experiment.Limits.checkRange("--warmup", warmup, 0,
                    dev.corescope.experiment.Limits.MAX_WARMUP));
        }
        return warmup != null ? warmup : hasCommands() ? DEFAULT_CMD_WARMUP : DEFAULT_WARMUP;
    }

    String warmupReason() {
        return warmup != null ? "set by --warmup" : hasCommands() ? CMD_WARMUP_REASON : JIT_WARMUP_REASON;
    }

    /**
     * The workloads, each checked before any work starts: a built-in's parameters; a command's shell syntax
     * ({@code /bin/sh -n}: whether its program exists only the shell knows, when it runs it: a missing one fails
     * the warm-up with the shell's own message); a class by loading and creating it once, in a worker JVM under
     * the timeout in processes mode, in this JVM in threads mode (which says so: the class shares corescope's
     * process).
     */
    List<AssessExperiment.Algo> algorithms(CommonOptions common) {
        int sources = (algorithms != null && !algorithms.isEmpty() ? 1 : 0) + (userClass != null ? 1 : 0)
                + (hasCommands() ? 1 : 0);
        if (sources != 1) {
            throw new UsageError("choose exactly one of --algorithm, --class or --cmd (known algorithms: "
                    + String.join(", ", Algorithms.names()) + ")");
        }
        if (classpath != null && userClass == null) {
            throw new UsageError("--classpath needs --class");
        }
        for (var e : params.entrySet()) {
            if (e.getKey().isBlank() || e.getKey().contains(" ") || e.getValue().contains(" ")) {
                throw new UsageError("--param " + e.getKey() + "=" + e.getValue() + ": keys and values must not contain spaces");
            }
        }
        List<AssessExperiment.Algo> out = new ArrayList<>();
        try {
            List<AssessExperiment.Algo> named = CommandList.of(commands, commandNames, prepares);
            if (!named.isEmpty()) {
                if (!params.isEmpty()) {
                    throw new UsageError("--param does not reach a --cmd: put the value in the command line itself");
                }
                out.addAll(named);
                if (cmdInWorkerJvms) {
                    common.notes.add("--cmd runs in worker JVMs (--mode processes), one command at a time each, so "
                            + "that each command's CPU time is its own; with --mode threads overlapping commands share "
                            + "one JVM's account and their CPU times are unknown");
                }
            } else if (userClass != null) {
                String cp = absolute(classpath);
                String name = checkClass(common, cp);
                String label = name == null || name.isBlank() ? userClass : name.replace(' ', '_');
                out.add(new AssessExperiment.Algo(label, UserClassWorkload.spec(userClass, cp, params)));
            } else {
                for (String name : new java.util.LinkedHashSet<>(algorithms)) {
                    String n = name.trim();
                    if (!Algorithms.names().contains(n)) {
                        throw new UsageError("unknown algorithm '" + n + "' (known: " + String.join(", ", Algorithms.names()) + ")");
                    }
                    WorkloadSpec s = new WorkloadSpec(n, params);
                    dev.corescope.workload.Workloads.create(s); // bad parameters fail here
                    out.add(new AssessExperiment.Algo(n, s));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UsageError(Main.firstLine(e.getMessage()));
        }
        return out;
    }

    /** The class's {@code name()}, checked where the mode runs it. */
    private String checkClass(CommonOptions common, String cp) {
        if (common.mode == dev.corescope.exec.WorkerMode.PROCESSES) {
            UserClassWorkload.checkClasspath(cp);
            return dev.corescope.exec.ClassCheck.check(UserClassWorkload.spec(userClass, cp, params),
                    common.workerJvmOptions, common.taskTimeout.plus(CLASS_CHECK_START));
        }
        String name = UserClassWorkload.check(userClass, cp, params).name();
        common.notes.add("--mode threads runs " + userClass + " inside corescope's own JVM: a System.exit in it ends "
                + "corescope, a hang cannot be stopped, and what it prints mixes with corescope's output; --mode "
                + "processes contains it in worker JVMs");
        return name;
    }

    /**
     * A command runs in worker JVMs unless {@code --mode} says otherwise: each worker JVM runs one command at a
     * time, so the command's CPU time (its children's account in that JVM) is its own; commands overlapping in
     * one JVM (thread workers) cannot be told apart, and their CPU time is unknown.
     */
    void defaultMode(CommonOptions common) {
        if (!hasCommands() || common.modeGiven()) {
            return;
        }
        common.mode = dev.corescope.exec.WorkerMode.PROCESSES;
        cmdInWorkerJvms = true;
    }

    /** Set when {@link #defaultMode} chose worker JVMs for a command: said once the command is checked. */
    private boolean cmdInWorkerJvms;

    /** Time a check's JVM gets to start, on top of the task timeout (a worker JVM's hello timeout). */
    static final java.time.Duration CLASS_CHECK_START = java.time.Duration.ofSeconds(60);

    private static String absolute(String classpath) {
        if (classpath == null) {
            return null;
        }
        List<String> abs = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                abs.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(File.pathSeparator, abs);
    }

    /** {@code 50,100,250} and {@code 50..500:50} (step optional: 1), de-duplicated and ascending. */
    static List<Long> parseSizes(String text) {
        return SizeList.parse(text);
    }
}
