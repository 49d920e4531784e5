package dev.corescope.cli;

import dev.corescope.experiment.Progress;
import java.io.PrintStream;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;

/**
 * {@link Progress} on stderr, with the time elapsed and an estimate of the time left ({@link Eta}) whenever the plan
 * knows its work: a progress bar on a terminal; plain lines otherwise (CI logs, pipes), because the bar redraws with
 * carriage returns that would fill a log with junk.
 */
final class ConsoleProgress {
    private ConsoleProgress() {
    }

    /** Progress of every run the factory opens; none when {@code quiet}. */
    static Progress.Factory factory(boolean quiet) {
        return quiet ? Progress.Factory.NONE : (task, total) -> create(task, total, false);
    }

    /** @param total units of work, or 0 when not known in advance (plain lines are printed then) */
    static Progress create(String task, long total, boolean quiet) {
        if (quiet) {
            return Progress.NONE;
        }
        if (System.console() != null && System.getenv("CI") == null && total > 0) {
            return bar(task, total);
        }
        return plain(task, total, System.err, System::nanoTime);
    }

    private static Progress bar(String task, long total) {
        Eta eta = new Eta(total, System::nanoTime);
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setRenderer((ProgressState state, int width) -> render(task, eta, state.getExtraMessage(), width))
                .continuousUpdate().build();
        return new Progress() {
            @Override
            public void step(String message) {
                step(message, 1);
            }

            @Override
            public void step(String message, long units) {
                eta.add(units);
                bar.setExtraMessage(message);
                bar.stepBy(units);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    /** {@code sweep [=====     ] 27%, 4.2 s, about 11 s left: workers 2, trial 1}, cut to {@code width}. */
    static String render(String task, Eta eta, String message, int width) {
        int cells = 20;
        double f = eta.fraction();
        int full = Double.isFinite(f) ? (int) Math.round(f * cells) : 0;
        String line = task + " [" + "=".repeat(full) + " ".repeat(cells - full) + "] " + eta.status()
                + (message == null || message.isEmpty() ? "" : ": " + message);
        return width > 3 && line.length() > width ? line.substring(0, width - 3) + "..." : line;
    }

    /** Plain lines: {@code sweep 27%, 4.2 s, about 11 s left: workers 2, trial 1}. */
    static Progress plain(String task, long total, PrintStream err, LongSupplier nanos) {
        Eta eta = new Eta(total, nanos);
        return new Progress() {
            private long steps;

            @Override
            public void step(String message) {
                step(message, 1);
            }

            @Override
            public synchronized void step(String message, long units) {
                steps++;
                eta.add(units);
                err.println(task + " " + (total > 0 ? "" : "step " + steps + ", ") + eta.status()
                        + (message.isEmpty() ? "" : ": " + message));
            }
        };
    }
}
