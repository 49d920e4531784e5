package dev.corescope.experiment;

import dev.corescope.exec.WorkerPool;
import dev.corescope.machine.MachineProfile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Pins worker JVMs to distinct physical cores with {@code taskset}: one CPU per physical core, taken
 * from the cores' SMT siblings ∩ the CPUs this process may use. A worker JVM is pinned as a whole
 * ({@code taskset -a -p -c CPU PID}: every thread, including JIT and GC threads) right after it
 * starts and before its warm-up; a worker that is replaced later is pinned before the next batch.
 * Threads are not pinned: Java has no portable API for a thread's affinity.
 */
public final class Pinning {
    /** What will be done, and why (always a human-readable message). */
    public record Plan(boolean pinned, List<Integer> cpus, String message) {
        public Plan {
            cpus = List.copyOf(cpus);
        }
    }

    private final Plan plan;
    private final Set<Long> pinnedPids = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    public Pinning(Plan plan) {
        this.plan = plan;
    }

    public Plan plan() {
        return plan;
    }

    /** Failures to pin (one line each); empty when every pin succeeded. */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** The CPU of each physical core: the first allowed CPU among its siblings, in core order. */
    public static List<Integer> oneCpuPerCore(MachineProfile profile) {
        return profile == null ? new ArrayList<>() : profile.oneCpuPerCore();
    }

    public static Plan plan(String mode, int workers, MachineProfile profile, boolean tasksetAvailable, boolean disabled) {
        if (!"processes".equals(mode)) {
            return new Plan(false, List.of(), "threads are not pinned: Java has no portable API to set a thread's CPU "
                    + "affinity, so the OS scheduler places them (use --mode processes to pin worker JVMs)");
        }
        if (disabled) {
            return new Plan(false, List.of(), "worker JVMs not pinned: --no-pin");
        }
        if (!tasksetAvailable) {
            return new Plan(false, List.of(), "worker JVMs not pinned: taskset is not available on this system");
        }
        List<Integer> cpus = oneCpuPerCore(profile);
        if (cpus.isEmpty()) {
            return new Plan(false, List.of(), "worker JVMs not pinned: the CPU topology or affinity could not be read");
        }
        if (cpus.size() < workers) {
            return new Plan(false, List.of(), "worker JVMs not pinned: " + workers + " workers but only " + cpus.size()
                    + " physical core(s) allowed, so they cannot each have their own");
        }
        List<Integer> use = cpus.subList(0, workers);
        StringBuilder map = new StringBuilder();
        for (int i = 0; i < use.size(); i++) {
            map.append(i == 0 ? "" : ", ").append("worker ").append(i + 1).append(" -> CPU ").append(use.get(i));
        }
        return new Plan(true, use, "worker JVMs pinned to distinct physical cores with taskset -a -p -c (" + map
                + "); the coordinator is not pinned");
    }

    public static boolean tasksetAvailable() {
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", "command -v taskset").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Pins workers 0..n-1 of the pool that are not pinned yet (no-op when the plan does not pin). */
    public synchronized void apply(WorkerPool pool, int n) {
        if (!plan.pinned()) {
            return;
        }
        pool.ensure(n);
        for (int i = 0; i < n && i < plan.cpus().size(); i++) {
            long pid = pool.worker(i).info().pid();
            if (pinnedPids.contains(pid)) {
                continue;
            }
            int cpu = plan.cpus().get(i);
            String problem = taskset(cpu, pid);
            if (problem == null) {
                pinnedPids.add(pid);
            } else {
                problems.add("could not pin " + pool.worker(i).info().id() + " (pid " + pid + ") to CPU " + cpu + ": "
                        + problem);
                pinnedPids.add(pid); // do not retry on every batch
            }
        }
    }

    private static String taskset(int cpu, long pid) {
        try {
            Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", Integer.toString(cpu), Long.toString(pid))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "taskset did not finish";
            }
            return p.exitValue() == 0 ? null : "taskset exit " + p.exitValue() + ": " + out.lines().reduce((a, b) -> b).orElse("");
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
