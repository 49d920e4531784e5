package dev.corescope.exec;

import dev.corescope.workload.SpinWorkload;
import dev.corescope.api.TaskInput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A coordinator for {@link FakeStreamTest}, run with a small heap: one {@link ProcessWorker} talking to a
 * {@link FakeWorker} that announces {@code args[0]} payload bytes. Prints the task's status and error and
 * whether the worker is still alive, or "hung" when the task's future does not complete within a minute.
 */
public final class FakeStreamProbe {
    private FakeStreamProbe() {
    }

    public static void main(String[] args) throws Exception {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), FakeWorker.class.getName(), args[0]);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        ProcessWorker w = new ProcessWorker("fake-1", Spawner.start(pb), System.nanoTime(), null, null,
                Duration.ofMinutes(1), watchdog, System.out::println);
        try {
            TaskResult r = w.submit(SpinWorkload.spec(1), new TaskInput(0, 0, 1)).get(1, TimeUnit.MINUTES);
            System.out.println("status=" + r.status() + " alive=" + w.alive() + " error=" + r.error());
        } catch (TimeoutException e) {
            System.out.println("hung");
        }
        w.close();
        System.exit(0);
    }
}
