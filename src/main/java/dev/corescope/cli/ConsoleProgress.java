package dev.corescope.cli;

import dev.corescope.experiment.Progress;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * {@link Progress} on stderr: a progress bar on a terminal; plain lines otherwise (CI logs, pipes),
 * because the bar redraws with carriage returns that would fill a log with junk.
 */
final class ConsoleProgress {
    private ConsoleProgress() {
    }

    /** Progress of every run the factory opens; none when {@code quiet}. */
    static Progress.Factory factory(boolean quiet) {
        return quiet ? Progress.Factory.NONE : (task, total) -> create(task, total, false);
    }

    /** @param total number of steps, or 0 when not known in advance (plain lines are printed then) */
    static Progress create(String task, long total, boolean quiet) {
        if (quiet) {
            return Progress.NONE;
        }
        if (System.console() != null && System.getenv("CI") == null && total > 0) {
            ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .continuousUpdate().build();
            return new Progress() {
                @Override
                public void step(String message) {
                    bar.setExtraMessage(message);
                    bar.step();
                }

                @Override
                public void close() {
                    bar.close();
                }
            };
        }
        PrintStream err = System.err;
        return new Progress() {
            private long done;

            @Override
            public synchronized void step(String message) {
                done++;
                err.println(task + " " + (total > 0 ? done + "/" + total : "step " + done)
                        + (message.isEmpty() ? "" : ": " + message));
            }
        };
    }
}
