package dev.corescope.experiment;

import dev.corescope.analysis.BudgetEstimate;
import dev.corescope.analysis.Units;
import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskRecord;
import dev.corescope.api.TaskInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code assess --budget}: a few recorded tasks of each algorithm on the smallest sizes, one worker, a power
 * law fitted to their medians, and the whole plan's time estimated from it; over the budget, the plan is refused.
 */
final class AssessPilot {
    private AssessPilot() {
    }

    /** Runs the pilot (recorded) and refuses the plan when its estimate exceeds the budget. */
    static BudgetEstimate run(Session session, AssessExperiment.AssessConfig c, long base) {
        List<Long> sorted = c.sizes().stream().sorted().toList();
        List<Long> pilotSizes = sorted.subList(0, Math.min(3, sorted.size()));
        int perSize = 3;
        double total = 0;
        BudgetEstimate worst = null;
        for (int a = 0; a < c.algorithms().size(); a++) {
            AssessExperiment.Algo algo = c.algorithms().get(a);
            Warmup.run(session.pool(), 1, algo.spec(), pilotSizes.get(0), 1);
            List<TaskInput> tasks = new ArrayList<>();
            for (long n : pilotSizes) {
                int s = c.sizes().indexOf(n);
                for (int r = 0; r < perSize; r++) {
                    tasks.add(new TaskInput(s * c.repeats() + r, n, AssessTasks.seed(base, n, r)));
                }
            }
            BatchResult b = session.run(new BatchPlan(AssessExperiment.PILOT + "/" + algo.label(), 1, a, algo.spec(), tasks, Strategy.QUEUE));
            double[] ns = new double[pilotSizes.size()];
            double[] med = new double[pilotSizes.size()];
            for (int i = 0; i < pilotSizes.size(); i++) {
                long n = pilotSizes.get(i);
                ns[i] = n;
                med[i] = dev.corescope.analysis.SampleStats.of(b.records().stream().filter(r -> r.ok() && r.size() == n)
                        .mapToDouble(TaskRecord::wallSeconds).toArray()).median();
            }
            if (java.util.Arrays.stream(med).anyMatch(m -> !(m > 0))) {
                throw new AssessExperiment.OverBudget("cannot estimate the plan's time: pilot tasks of " + algo.label() + " failed", null);
            }
            // controls, and about one task's time per block while the workers finish their last measured tasks
            int planned = c.sizes().size() * c.repeats();
            var shares = ControlPlan.Shares.DEFAULT;
            int controls = c.check() == AssessExperiment.Check.NONE || c.workers() == 1 ? 0
                    : (shares.controls(planned) + shares.blocks(planned) + c.sizes().size() - 1) / c.sizes().size();
            BudgetEstimate e = BudgetEstimate.of(ns, med, c.sizes(), c.repeats(), c.workers(), c.warmup(), controls);
            total += e.seconds();
            if (worst == null || e.seconds() > worst.seconds()) {
                worst = e;
            }
        }
        BudgetEstimate estimate = new BudgetEstimate(total, worst.exponent(), worst.constant(), worst.pilotSizes());
        double budget = c.budget().toNanos() / 1e9;
        if (total > budget) {
            throw new AssessExperiment.OverBudget(String.format(Locale.ROOT, "plan refused: estimated %s exceeds --budget %s "
                    + "(pilot on sizes %s, fitted t ∝ n^%.2f); use fewer sizes or repeats, or a larger budget",
                    Units.human(total), Units.human(budget), pilotSizes, worst.exponent()), estimate);
        }
        return estimate;
    }
}
