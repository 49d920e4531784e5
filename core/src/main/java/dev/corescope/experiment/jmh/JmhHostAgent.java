package dev.corescope.experiment.jmh;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * A warm JMH host JVM ({@link HostAgent}): it runs the user's own JMH, found on its class path, once per request, as
 * {@code org.openjdk.jmh.Main} would ({@code new Runner(new CommandLineOptions(args)).run()}), one request after
 * another, so that a job does not pay a host JVM's start. JMH forks each benchmark's JVM as it always does; the fork's
 * class path is the user's ({@code java.class.path} is set to it: this class's own jar is not handed on).
 *
 * <p>Runs in a JVM of its own with nothing of corescope but this class: it uses the JDK only, and JMH by reflection
 * (any JMH since 1.0 has these three calls). Protocol: a request is one line on standard input, the JMH arguments
 * separated by NUL characters; JMH's output goes to standard output as JMH prints it, then a line {@link #DONE} and
 * the exit code {@code org.openjdk.jmh.Main} would have had (0, or 1 when JMH failed). The first line it prints is
 * {@link #READY} and its process id, so that corescope can pin it (and the forks it starts) to each job's CPUs.
 */
public final class JmhHostAgent {
    public static final String READY = "\u0000corescope-jmh-agent ";
    public static final String DONE = "\u0000corescope-jmh-done ";

    private JmhHostAgent() {
    }

    /** @param args the class path the forks get (the user's) */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.class.path", args[0]);
        Class<?> options = Class.forName("org.openjdk.jmh.runner.options.Options");
        Constructor<?> parse = Class.forName("org.openjdk.jmh.runner.options.CommandLineOptions")
                .getConstructor(String[].class);
        Class<?> runner = Class.forName("org.openjdk.jmh.runner.Runner");
        Constructor<?> create = runner.getConstructor(options);
        Method run = runner.getMethod("run");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println(READY + ProcessHandle.current().pid());
        System.out.flush();
        String line;
        while ((line = in.readLine()) != null) {
            String[] argv = line.isEmpty() ? new String[0] : line.split("\u0000", -1);
            int code = 0;
            try {
                run.invoke(create.newInstance(parse.newInstance((Object) argv)));
            } catch (InvocationTargetException e) {
                code = 1;
                report(e.getCause());
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                code = 1;
                report(e);
            }
            System.err.flush();
            System.out.println();
            System.out.println(DONE + code);
            System.out.flush();
        }
    }

    /** What {@code org.openjdk.jmh.Main} prints for a failure. */
    private static void report(Throwable t) {
        String name = t.getClass().getSimpleName();
        if (name.equals("CommandLineOptionException")) {
            System.err.println("Error parsing command line:");
            System.err.println(" " + t.getMessage());
        } else if (name.equals("NoBenchmarksException")) {
            System.err.println("No matching benchmarks. Miss-spelled regexp?");
        } else {
            System.err.print("ERROR: ");
            t.printStackTrace(System.err);
        }
    }
}
