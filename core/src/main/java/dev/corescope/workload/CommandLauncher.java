package dev.corescope.workload;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts an external command so that nothing it starts can outlive it, a timeout or corescope:
 * <pre>
 * setpriv --pdeathsig TERM -- setsid /bin/sh -c 'trap "kill -KILL 0" TERM; /bin/sh -c "$1" &amp; wait $!' corescope-cmd LINE
 * </pre>
 * {@code setsid} gives the command its own session and process group (its id is the started
 * process's pid), so the whole group, background children included, can be killed with one
 * {@code kill(-pgid, SIGKILL)}: after the command exits, and when it is stopped (timeout, abort).
 * {@code setpriv --pdeathsig TERM} has the kernel send the wrapper shell SIGTERM when the thread that
 * started it ends, which happens when this JVM dies, even by SIGKILL; the wrapper's trap then kills
 * its group. {@code corescope jmh} starts its JMH host JVMs the same way. Without util-linux's {@code setpriv} (or one without {@code --pdeathsig}) the wrapper is
 * left out; without {@code setsid} the command is plain {@code /bin/sh -c LINE} and only its process
 * tree is killed.
 */
public final class CommandLauncher {
    static final String SHELL = "/bin/sh";
    /** Runs {@code $1} in the background and waits for it, so that a SIGTERM can run the trap at once. */
    static final String WRAPPER = "trap 'kill -KILL 0' TERM; " + SHELL + " -c \"$1\" & wait $!";
    /** The same, the command reading the wrapper's standard input (a background job's is otherwise /dev/null). */
    static final String WRAPPER_INPUT = "exec 3<&0; trap 'kill -KILL 0' TERM; " + SHELL + " -c \"$1\" <&3 3<&- & wait $!";
    private static final int SIGKILL = 9;
    private static final boolean KILL_AVAILABLE = Libc.register(CommandLauncher.class);

    private final List<String> prefix;
    private final boolean grouped;

    private CommandLauncher(List<String> prefix, boolean grouped) {
        this.prefix = List.copyOf(prefix);
        this.grouped = grouped;
    }

    /** The launcher this machine supports (looked up once: this starts {@code setpriv} once). */
    public static CommandLauncher get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final CommandLauncher INSTANCE = detect();
    }

    private static CommandLauncher detect() {
        Path setsid = onPath("setsid");
        if (setsid == null || !KILL_AVAILABLE) {
            return new CommandLauncher(List.of(SHELL, "-c"), false);
        }
        Path setpriv = onPath("setpriv");
        if (setpriv != null && supportsPdeathsig(setpriv)) {
            return new CommandLauncher(List.of(setpriv.toString(), "--pdeathsig", "TERM", "--", setsid.toString(),
                    SHELL, "-c", WRAPPER, "corescope-cmd"), true);
        }
        return new CommandLauncher(List.of(setsid.toString(), SHELL, "-c"), true);
    }

    private static Path onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, program);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static boolean supportsPdeathsig(Path setpriv) {
        try {
            Process p = new ProcessBuilder(setpriv.toString(), "--pdeathsig", "TERM", "--", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }


    private static native int kill(int pid, int sig);

    /** The argv that runs {@code line}. */
    public List<String> command(String line) {
        List<String> argv = new ArrayList<>(prefix);
        argv.add(line);
        return argv;
    }

    /** The argv that runs {@code line} reading this process's pipe to it as its standard input. */
    public List<String> commandWithInput(String line) {
        List<String> argv = new ArrayList<>(prefix);
        argv.replaceAll(w -> w.equals(WRAPPER) ? WRAPPER_INPUT : w);
        argv.add(line);
        return argv;
    }

    /** Whether commands get their own process group (killed whole by {@link #killAll}). */
    public boolean grouped() {
        return grouped;
    }

    /**
     * Kills the command and everything left in its process group (or, without groups, its process tree).
     * Safe after the command has exited and been reaped: its group id stays reserved while any member lives.
     */
    public void killAll(Process p) {
        boolean groupKilled = false;
        if (grouped) {
            try {
                // fails (ESRCH) when the group is empty, or not formed yet: then the process is killed below
                groupKilled = kill((int) -p.pid(), SIGKILL) == 0;
            } catch (Throwable e) {
                // fall through to the process tree
            }
        }
        if (!groupKilled) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        p.destroyForcibly(); // a no-op once it has exited and been reaped
    }
}
