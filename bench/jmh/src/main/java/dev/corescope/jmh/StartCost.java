package dev.corescope.jmh;

import dev.corescope.exec.ProcessWorkerPool;
import dev.corescope.exec.WorkerPool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Worker-JVM start cost as corescope measures it: {@code pool.ensure(n)} starts n worker JVMs in
 * parallel and {@code pool.startCosts()} holds, per worker, launch → hello frame → 5 clock pings.
 * Also the floor: a JVM with the same options that runs an empty main and exits.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.corescope.jmh.StartCost [reps] [extra worker JVM option...]}
 */
public final class StartCost {
    private StartCost() {
    }

    /** An empty program: the JVM's own start and exit. */
    public static final class Noop {
        public static void main(String[] args) {
        }
    }

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> options = new ArrayList<>(ProcessWorkerPool.DEFAULT_JVM_OPTIONS);
        options.addAll(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        System.out.println("worker JVM options: " + String.join(" ", options));
        System.out.printf(Locale.ROOT, "%-34s %8s %8s %8s%n", "", "median", "min", "max");
        List<Double> floor = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
            floor.add(noop(options));
        }
        print("JVM floor (empty main, 1 at a time)", floor);
        for (int n : new int[] {1, 2, 4}) {
            List<Double> each = new ArrayList<>();
            List<Double> wall = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                try (WorkerPool pool = new ProcessWorkerPool(null, options, null)) {
                    long t0 = System.nanoTime();
                    pool.ensure(n);
                    wall.add((System.nanoTime() - t0) / 1e6);
                    pool.startCosts().forEach(ns -> each.add(ns / 1e6));
                }
                Thread.sleep(200); // let the closed workers exit before the next start
            }
            print(n + " worker(s) in parallel, each", each);
            print(n + " worker(s) in parallel, ensure()", wall);
        }
    }

    private static double noop(List<String> options) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Noop.class.getName()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("noop JVM failed: " + cmd);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void print(String what, List<Double> ms) {
        double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        System.out.printf(Locale.ROOT, "%-34s %6.1f ms %6.1f ms %6.1f ms  (n=%d)%n", what, median, v[0], v[v.length - 1],
                v.length);
    }
}
