package dev.corescope.exec;

import dev.corescope.workload.CommandWorkload;
import dev.corescope.workload.SpinWorkload;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A coordinator for {@link OrphanTest} to SIGKILL: in {@code processes} mode two worker JVMs (carrying
 * {@code -Dcorescope.test.worker=ID}), one spinning for minutes and one running a command with a
 * background sleeper; in {@code threads} mode that command on a thread worker. Prints "ready", then waits.
 *
 * <p>Arguments: mode, ID, the sleeper's seconds ({@code sleep SECONDS} is the command's marker).
 */
public final class OrphanProbe {
    private OrphanProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String id = args[1];
        String sleep = "sleep " + args[2];
        WorkloadSpec command = CommandWorkload.spec(sleep + " & " + sleep);
        WorkerPool pool;
        if (mode.equals("processes")) {
            List<String> options = new ArrayList<>(ProcessWorkerPool.DEFAULT_JVM_OPTIONS);
            options.add("-Dcorescope.test.worker=" + id);
            pool = new ProcessWorkerPool(null, options, null);
            pool.ensure(2);
            pool.worker(0).submit(SpinWorkload.spec(1_000_000_000_000L), new TaskInput(0, 0, 1));
            pool.worker(1).submit(command, new TaskInput(1, 0, 1));
        } else {
            pool = new ThreadWorkerPool(null);
            pool.ensure(1);
            pool.worker(0).submit(command, new TaskInput(0, 0, 1));
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
