package dev.corescope.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code corescope} command. */
@Command(name = "corescope", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Find how many concurrent workers this machine can host without adding noise, and measure at that level.",
        subcommands = {InvestigateCommand.class, RunCommand.class, SweepCommand.class, RoundsCommand.class,
            AssessCommand.class, TransferCommand.class, CompareCommand.class, ReportCommand.class, MemberCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 failures or errors, 2 bad input). */
    public static int execute(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler(Main::badInput);
        cl.setExecutionExceptionHandler(Main::failed);
        return cl;
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

    private static int failed(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof UsageError) {
            err.println("corescope: " + firstLine(e.getMessage()));
            err.flush();
            return 2;
        }
        Throwable root = e;
        while (root.getCause() != null && (root.getMessage() == null || root instanceof java.util.concurrent.CompletionException)) {
            root = root.getCause();
        }
        err.println("corescope: error: " + firstLine(root.getMessage() == null ? root.toString() : root.getMessage()));
        if (System.getenv("CORESCOPE_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").trim();
    }

    /** Version from the jar manifest, or "dev". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"corescope " + (v == null ? "0.1.0" : v)};
        }
    }
}
