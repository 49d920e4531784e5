package dev.corescope.sim;

import java.util.SplittableRandom;

/**
 * The other programs' unpinned load: {@code ceil(cpus)} threads, each running {@code cpus / threads} of the
 * time, in bursts of CPU work (exponential, mean {@value Kernel#BURST} ns) separated by sleeps whose mean
 * makes that duty cycle. A thread of duty 1 never sleeps. They are placed and balanced by the scheduler
 * like any unpinned thread.
 */
final class Background {
    private final Kernel kernel;
    private final SplittableRandom random;

    Background(Kernel kernel, double cpus, long seed) {
        this.kernel = kernel;
        this.random = new SplittableRandom(seed);
        int k = (int) Math.ceil(cpus - 1e-9);
        for (int i = 0; i < k; i++) {
            SimThread t = kernel.thread(SimThread.Kind.BACKGROUND, -1, false, cpus / k);
            if (t.duty >= 0.999 || random.nextDouble() < t.duty) {
                burst(t);
            } else {
                rest(t);
            }
        }
    }

    private void burst(SimThread t) {
        double work = t.duty >= 0.999 ? Double.POSITIVE_INFINITY : exponential(Kernel.BURST);
        kernel.start(t, work, this::rest);
    }

    private void rest(SimThread t) {
        kernel.at(kernel.now() + exponential(Kernel.BURST * (1 - t.duty) / t.duty), () -> burst(t));
    }

    private double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }
}
