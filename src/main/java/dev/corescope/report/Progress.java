package dev.corescope.report;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr: a progress bar on a terminal; plain lines otherwise (CI logs, pipes), because
 * the bar redraws with carriage returns that would fill a log with junk.
 */
public interface Progress extends AutoCloseable {
    void step(String message);

    @Override
    void close();

    Progress NONE = new Progress() {
        @Override
        public void step(String message) {
        }

        @Override
        public void close() {
        }
    };

    /** @param total number of steps, or 0 when not known in advance (plain lines are printed then) */
    static Progress create(String task, long total, boolean quiet) {
        if (quiet) {
            return NONE;
        }
        if (System.console() != null && System.getenv("CI") == null && total > 0) {
            ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
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

            @Override
            public void close() {
            }
        };
    }
}
