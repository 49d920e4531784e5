package dev.corescope.experiment.jmh;

import dev.corescope.workload.CommandLauncher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * The warm JMH hosts of a run ({@link HostAgent}), one per job running at once: a job takes an idle one whose forks
 * get the collector it needs, or starts one, and gives it back when it ends well; an agent that timed out, was
 * stopped or died is killed and not reused. Agents start on a thread of the pool's own, which lives until the pool
 * closes (a process started under a parent-death signal ends when the thread that started it ends). When no agent
 * can start, the pool says so once and every job runs in a fresh host JVM.
 */
final class HostAgents implements AutoCloseable {
    private final Path dir;
    private final String classpath;
    private final List<String> java;
    private final String taskset;
    private final CommandLauncher launcher;
    private final List<HostAgent> idle = new ArrayList<>();
    private final List<HostAgent> all = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "corescope-jmh-agents");
        t.setDaemon(true);
        return t;
    });
    private Path agentJar;
    private volatile boolean broken;
    private boolean closed;

    /**
     * @param dir  where the agents' jar and temporary directories go
     * @param java the host JVM's command: the {@code java} binary and its options
     */
    HostAgents(Path dir, String classpath, List<String> java, String taskset, CommandLauncher launcher) {
        this.dir = dir;
        this.classpath = classpath;
        this.java = List.copyOf(java);
        this.taskset = taskset;
        this.launcher = launcher;
    }

    /** Whether agents run jobs (false once one could not start: fresh hosts from then on). */
    boolean usable() {
        return !broken;
    }

    /**
     * An idle agent whose forks get {@code gc} (null: none), or a new one started on {@code cpus}; null when none can
     * start.
     */
    HostAgent take(String gc, List<Integer> cpus) throws InterruptedException {
        synchronized (this) {
            if (closed || broken) {
                return null;
            }
            for (int k = 0; k < idle.size(); k++) {
                if (Objects.equals(idle.get(k).gc(), gc) && idle.get(k).alive()) {
                    return idle.remove(k);
                }
            }
        }
        try {
            HostAgent a = starter.submit(() -> HostAgent.start(java, dir.resolve("agent-" + next.incrementAndGet()),
                    jar(), classpath, taskset, gc, cpus, launcher)).get();
            if (a == null) {
                broken = true;
                return null;
            }
            synchronized (this) {
                all.add(a);
            }
            return a;
        } catch (ExecutionException e) {
            broken = true;
            return null;
        }
    }

    /** {@code a} ended its job well: it waits for the next. */
    synchronized void give(HostAgent a) {
        if (closed) {
            a.close();
        } else {
            idle.add(a);
        }
    }

    /** Ends every agent. */
    @Override
    public void close() {
        List<HostAgent> agents;
        synchronized (this) {
            closed = true;
            agents = new ArrayList<>(all);
            idle.clear();
        }
        agents.forEach(HostAgent::close);
        starter.shutdownNow();
    }

    /** A jar with {@link JmhHostAgent}'s class alone, made once per run. */
    private synchronized Path jar() throws IOException {
        if (agentJar == null) {
            Files.createDirectories(dir);
            Path jar = dir.resolve("corescope-jmh-agent.jar");
            String name = JmhHostAgent.class.getName().replace('.', '/') + ".class";
            try (InputStream in = JmhHostAgent.class.getResourceAsStream("/" + name);
                 OutputStream file = Files.newOutputStream(jar);
                 JarOutputStream out = new JarOutputStream(file)) {
                if (in == null) {
                    throw new IOException("the agent's class is not in corescope's jar");
                }
                out.putNextEntry(new JarEntry(name));
                in.transferTo(out);
                out.closeEntry();
            }
            agentJar = jar;
        }
        return agentJar;
    }
}
