package dev.corescope;

import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.CacheCheck;
import dev.corescope.experiment.PlanRefused;
import dev.corescope.experiment.Progress;
import dev.corescope.experiment.WorkerCount;
import dev.corescope.machine.MachineProfile;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code --workers auto} with nothing usable cached: investigate measures the spin kernel's threshold first (as
 * {@code assess} and {@code jmh} do), telling {@code notices} so, in the run's own probe of the machine, on {@code host}
 * (null: this machine).
 */
final class InvestigateFirst {
    private InvestigateFirst() {
    }

    static WorkerCount.MeasuredThreshold measure(WorkerMode mode, Progress.Factory progress, Supplier<MachineProfile> probe,
                                        dev.corescope.exec.Machine host, Consumer<String> notices) {
        notices.accept("no usable threshold cached for this machine; running 'corescope investigate' first");
        try {
            var report = new Investigation().mode(mode).progress(progress).machine(probe).on(host).run();
            String why = report.limitedBy() + (Double.isFinite(report.otherBusyCpus())
                    && report.otherBusyCpus() >= CacheCheck.BUSY_CPUS
                    ? String.format(Locale.ROOT, "; other work kept %.1f CPUs busy", report.otherBusyCpus()) : "");
            return new WorkerCount.MeasuredThreshold(report.threshold(), why);
        } catch (IOException e) {
            throw new PlanRefused("investigate failed: " + e.getMessage());
        }
    }
}
