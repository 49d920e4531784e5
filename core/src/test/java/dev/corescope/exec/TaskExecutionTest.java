package dev.corescope.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.api.PreparedTask;
import dev.corescope.api.TaskInput;
import dev.corescope.api.TaskOutput;
import dev.corescope.api.Workload;
import org.junit.jupiter.api.Test;

/** Only {@link PreparedTask#run} is inside the clock: preparation and checking lie outside it. */
class TaskExecutionTest {

    /** Records when its phases happened (System.nanoTime, the clock TaskExecution uses). */
    static final class Phased implements Workload {
        long prepared;
        long runStarted;
        long runEnded;
        long checked;
        final boolean wrong;

        Phased(boolean wrong) {
            this.wrong = wrong;
        }

        @Override
        public String name() {
            return "phased";
        }

        @Override
        public TaskOutput run(TaskInput input) {
            return PreparedTask.runWhole(this, input);
        }

        @Override
        public PreparedTask prepare(TaskInput input) {
            prepared = System.nanoTime();
            return new PreparedTask() {
                @Override
                public TaskOutput run() {
                    runStarted = System.nanoTime();
                    runEnded = System.nanoTime();
                    return TaskOutput.of(1);
                }

                @Override
                public TaskOutput check(TaskOutput output) {
                    checked = System.nanoTime();
                    if (wrong) {
                        throw new IllegalStateException("wrong result");
                    }
                    return TaskOutput.of(output.checksum() + 41);
                }
            };
        }
    }

    @Test
    void preparationAndCheckAreOutsideTheTimedRegion() {
        Phased w = new Phased(false);
        TaskResult r = TaskExecution.run(w, new TaskInput(0, 5, 1));
        assertThat(r.ok()).isTrue();
        assertThat(r.startNanos()).isGreaterThan(w.prepared).isLessThanOrEqualTo(w.runStarted);
        assertThat(r.endNanos()).isGreaterThanOrEqualTo(w.runEnded).isLessThan(w.checked);
        assertThat(r.checksum()).as("the checked output is recorded").isEqualTo(42);
    }

    @Test
    void aFailedCheckFailsTheTaskButKeepsItsTiming() {
        Phased w = new Phased(true);
        TaskResult r = TaskExecution.run(w, new TaskInput(0, 5, 1));
        assertThat(r.ok()).isFalse();
        assertThat(r.error()).contains("wrong result");
        assertThat(r.endNanos()).isGreaterThanOrEqualTo(r.startNanos()).isLessThan(w.checked);
    }

    @Test
    void aFailedPreparationIsReportedAsSuch() {
        Workload w = new Workload() {
            @Override
            public String name() {
                return "bad";
            }

            @Override
            public TaskOutput run(TaskInput input) {
                throw new AssertionError("not reached");
            }

            @Override
            public PreparedTask prepare(TaskInput input) {
                throw new IllegalArgumentException("size too large");
            }
        };
        TaskResult r = TaskExecution.run(w, new TaskInput(0, 5, 1));
        assertThat(r.ok()).isFalse();
        assertThat(r.error()).startsWith("preparing the task failed").contains("size too large");
    }

    @Test
    void aWorkloadWithoutPrepareIsTimedWhole() {
        long[] ran = new long[1];
        Workload w = new Workload() {
            @Override
            public String name() {
                return "whole";
            }

            @Override
            public TaskOutput run(TaskInput input) {
                ran[0] = System.nanoTime();
                return TaskOutput.of(input.seed());
            }
        };
        TaskResult r = TaskExecution.run(w, new TaskInput(0, 0, 9));
        assertThat(r.ok()).isTrue();
        assertThat(ran[0]).isBetween(r.startNanos(), r.endNanos());
        assertThat(r.checksum()).isEqualTo(9);
    }
}
