package dev.corescope.cli;

import dev.corescope.experiment.SpinSetup;
import java.time.Duration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** How long one spin task is: {@code --loops L} or {@code --target D} (calibrated). */
public final class SpinOptions {
    static final class Choice {
        @Option(names = "--loops", paramLabel = "L", description = "Spin loops per task (no calibration).")
        Long loops;

        @Option(names = "--target", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "Calibrate loops so that one task alone takes this long (e.g. 200ms, 1.5s). Default: 1s; "
                        + "investigate: 20ms.")
        Duration target;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    SpinSetup setup(Duration defaultTarget) {
        if (choice != null && choice.loops != null) {
            if (choice.loops < 0) {
                throw new UsageError("--loops must be >= 0, got " + choice.loops);
            }
            return new SpinSetup(choice.loops, null);
        }
        Duration target = choice != null && choice.target != null ? choice.target : defaultTarget;
        if (target.isZero() || target.isNegative()) {
            throw new UsageError("--target must be positive");
        }
        if (target.toNanos() < 100_000) {
            throw new UsageError("--target must be at least 100us: shorter tasks measure the timer, not the CPU");
        }
        return new SpinSetup(null, target);
    }
}
