package dev.corescope.cli;

import dev.corescope.experiment.PlanRefused;
import dev.corescope.store.RunDirectory;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code corescope} command. Its subcommands are added when a command line needs them: only the one
 * named when a command line names one (picocli builds a command's model by reflection, ~20-40 ms each on
 * the project's VM, so building all of them cost ~150 ms of every start); all of them for help, for no
 * command or an unknown one (so that the usage and the suggestions list them).
 */
@Command(name = "corescope", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Find how many concurrent workers this machine can host without adding noise, and measure at that level.")
public final class Main implements Runnable {
    /** The subcommands, in the order the help lists them. */
    static final Map<String, Class<?>> COMMANDS = commands();

    /** Classes, not constructor references: a lambda here would bootstrap java.lang.invoke at every start. */
    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("investigate", InvestigateCommand.class);
        m.put("run", RunCommand.class);
        m.put("sweep", SweepCommand.class);
        m.put("rounds", RoundsCommand.class);
        m.put("assess", AssessCommand.class);
        m.put("transfer", TransferCommand.class);
        m.put("jmh", JmhCommand.class);
        m.put("compare", CompareCommand.class);
        m.put("report", ReportCommand.class);
        m.put("member", MemberCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }
    /** Set in the environment (any value) to print stack traces, like {@code --debug}. */
    static final String DEBUG_ENV = "CORESCOPE_DEBUG";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** How this process is ending, shared with the runs' sessions (through {@link RunOptions#exit()}). */
    final dev.corescope.experiment.ProcessExit exit;

    Main(dev.corescope.experiment.ProcessExit exit) {
        this.exit = exit;
    }

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On an unexpected error, also print its stack trace (or set CORESCOPE_DEBUG).")
    boolean debug;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        boolean debug = System.getenv(DEBUG_ENV) != null || List.of(args).contains("--debug");
        dev.corescope.experiment.ProcessExit exit = new dev.corescope.experiment.ProcessExit();
        // no lambda on the path every start takes (see COMMANDS)
        Thread.setDefaultUncaughtExceptionHandler(new Thread.UncaughtExceptionHandler() {
            @Override
            public void uncaughtException(Thread thread, Throwable e) {
                uncaught(thread, e, debug, exit);
            }
        });
        System.exit(execute(exit, args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 failures or errors, 2 bad input). */
    public static int execute(String... args) {
        return execute(new dev.corescope.experiment.ProcessExit(), args);
    }

    /** {@link #execute(String...)} in a process whose ending {@code exit} tells. */
    static int execute(dev.corescope.experiment.ProcessExit exit, String... args) {
        CommandLine cl = commandLine(args, exit);
        try {
            return cl.execute(args);
        } catch (Throwable e) { // an Error (OutOfMemoryError, StackOverflowError...): picocli handles only Exceptions
            return unexpected(e, cl.getErr(), debug(cl.getParseResult()), exit);
        }
    }

    /** With every subcommand. */
    static CommandLine commandLine() {
        return commandLine((String[]) null);
    }

    /** With the subcommands {@code args} needs (every one when {@code args} is null). */
    static CommandLine commandLine(String[] args) {
        return commandLine(args, new dev.corescope.experiment.ProcessExit());
    }

    private static CommandLine commandLine(String[] args, dev.corescope.experiment.ProcessExit exit) {
        CommandLine cl = new CommandLine(new Main(exit));
        String named = args == null ? null : firstWord(args);
        boolean one = named != null && COMMANDS.containsKey(named) && !named.equals("help");
        boolean none = args != null && named == null && !asksForHelp(args);
        for (var e : COMMANDS.entrySet()) {
            if (!none && (!one || e.getKey().equals(named))) {
                cl.addSubcommand(e.getKey(), e.getValue());
            }
        }
        cl.setParameterExceptionHandler(new CommandLine.IParameterExceptionHandler() {
            @Override
            public int handleParseException(CommandLine.ParameterException e, String[] a) {
                return badInput(e, a);
            }
        });
        cl.setExecutionExceptionHandler(new CommandLine.IExecutionExceptionHandler() {
            @Override
            public int handleExecutionException(Exception e, CommandLine c, CommandLine.ParseResult parsed) {
                return failed(e, c, parsed, exit);
            }
        });
        return cl;
    }

    /** The first argument that is not an option (the subcommand's name, if any). */
    private static String firstWord(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    private static boolean asksForHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try 'corescope investigate', or --help)");
    }

    private static int badInput(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("corescope: " + firstLine(e.getMessage()) + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                + " --help')");
        err.flush();
        return 2;
    }

    private static int failed(Exception e, CommandLine cl, CommandLine.ParseResult parsed,
                              dev.corescope.experiment.ProcessExit exit) {
        PrintWriter err = cl.getErr();
        if (e instanceof UsageError || e instanceof PlanRefused || e instanceof RunDirectory.Unusable) {
            err.println("corescope: " + firstLine(e.getMessage()));
            err.flush();
            return 2;
        }
        return unexpected(e, err, debug(parsed), exit);
    }

    /** One line naming the error (its stack trace too with --debug); exit code 1. */
    static int unexpected(Throwable e, PrintWriter err, boolean debug, dev.corescope.experiment.ProcessExit exit) {
        if (exit.isOnSignal() && !debug) {
            return 130; // Ctrl-C closed the workers under this thread: the shutdown hook says what was kept
        }
        if (exit.isOnError()) {
            // another thread's error, already reported in one line, is closing the run under this one: this
            // thread's error is its consequence, not a second error line (with --debug, its trace all the same)
            if (debug) {
                try {
                    err.println("(the main thread, while the run closed after that error:)");
                    e.printStackTrace(err);
                    err.flush();
                } catch (Throwable ignored) { // nothing left to report with
                }
            }
            return 1;
        }
        try {
            err.println("corescope: error: " + describe(e));
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
        } catch (Throwable ignored) { // nothing left to report with
        }
        return 1;
    }

    /** A thread other than main died: one line, then exit 1 (the shutdown hooks keep what was measured). */
    static void uncaught(Thread thread, Throwable e, boolean debug, dev.corescope.experiment.ProcessExit exit) {
        try {
            System.err.println("corescope: error in thread " + thread.getName() + ": " + describe(e));
            if (debug) {
                e.printStackTrace();
            }
            System.err.flush();
        } catch (Throwable ignored) { // keep going to the exit
        }
        exit.onError();
        // From a new thread: System.exit blocks forever when called from a shutdown hook.
        Thread exiting = new Thread(() -> System.exit(1), "corescope-exit");
        exiting.setDaemon(true);
        exiting.start();
    }

    /** The innermost useful message: for an Error or an exception without a message, its type too. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null
                || root instanceof java.util.concurrent.CompletionException
                || root instanceof java.util.concurrent.ExecutionException
                || root instanceof CommandLine.ExecutionException)) {
            root = root.getCause();
        }
        String message = firstLine(root.getMessage());
        if (root instanceof OutOfMemoryError) {
            return "out of memory (" + (message.isEmpty() ? "OutOfMemoryError" : message) + "); plan less work or "
                    + "raise -Xmx (CORESCOPE_JAVA_OPTS); --debug shows where";
        }
        if (root instanceof Error || message.isEmpty()) {
            return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message) + " (--debug shows where)";
        }
        return message;
    }

    /** {@code --debug} anywhere on the command line, or {@value #DEBUG_ENV} in the environment. */
    static boolean debug(CommandLine.ParseResult parsed) {
        if (System.getenv(DEBUG_ENV) != null) {
            return true;
        }
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").trim();
    }

    /** Version from the jar manifest, or "dev". */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"corescope " + (v == null ? "0.1.0" : v)};
        }
    }
}
