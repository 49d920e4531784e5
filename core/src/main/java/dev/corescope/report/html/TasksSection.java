package dev.corescope.report.html;

import static dev.corescope.report.html.HtmlTable.cell;

import dev.corescope.analysis.Units;
import dev.corescope.exec.TaskRecord;
import dev.corescope.experiment.Remarks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** What {@code records.jsonl} holds: the failed tasks and the pools' events, and every task by experiment. */
final class TasksSection {
    /** Runs with at most this many task records list every task. */
    static final int MAX_TASK_ROWS = 40;
    /** At most this many failed tasks are listed. */
    static final int MAX_FAILED_ROWS = 100;

    private TasksSection() {
    }

    /** @param unreadable lines of records.jsonl that are not records */
    static void failures(Html out, Remarks remarks, List<TaskRecord> records, int unreadable) {
        int failures = remarks.failures();
        List<TaskRecord> failed = records.stream().filter(r -> !r.ok()).toList();
        if (failures > 0 || !remarks.failureReasons().isEmpty()) {
            out.raw("<p><span class=\"badge bad\">").text(failures).raw(" task").raw(failures == 1 ? "" : "s")
                    .raw(" failed</span></p>\n").list(remarks.failureReasons(), "failures");
        }
        if (!remarks.events().isEmpty()) {
            out.raw("<h3>Events</h3>\n").list(remarks.events(), "notes");
        }
        if (!failed.isEmpty()) {
            out.raw("<h3>Failed tasks</h3>\n");
            HtmlTable t = new HtmlTable("experiment", "level", "trial", "task", "size", "worker", "pid", "wall s", "status",
                    "error");
            for (TaskRecord r : failed.subList(0, Math.min(failed.size(), MAX_FAILED_ROWS))) {
                t.row(cell(r.experiment()), cell(r.level()), cell(r.trial()), cell(r.taskIndex()), cell(r.size()),
                        cell(r.workerId()), cell(r.pid()), cell(Units.sec(r.wallSeconds())),
                        HtmlTable.badge(r.status() == null ? "" : r.status().label(), "bad"), new HtmlTable.Cell(r.error(), "wrap"));
            }
            t.render(out);
            if (failed.size() > MAX_FAILED_ROWS) {
                out.caption((failed.size() - MAX_FAILED_ROWS) + " more in <code>records.jsonl</code>.");
            }
        }
        if (unreadable > 0) {
            out.caption(unreadable + " line(s) of <code>records.jsonl</code> could not be read (an interrupted write?).");
        }
    }

    static void tasks(Html out, List<TaskRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Map<String, List<TaskRecord>> byExperiment = new LinkedHashMap<>();
        for (TaskRecord r : records) {
            byExperiment.computeIfAbsent(String.valueOf(r.experiment()), k -> new ArrayList<>()).add(r);
        }
        out.caption("From <code>records.jsonl</code>: " + records.size() + " task record" + (records.size() == 1 ? "" : "s")
                + ", one per finished task.");
        HtmlTable t = new HtmlTable("experiment", "tasks", "ok", "failed", "levels", "mean wall s", "mean cpu s",
                "mean wait s");
        for (var e : byExperiment.entrySet()) {
            List<TaskRecord> rs = e.getValue();
            long ok = rs.stream().filter(TaskRecord::ok).count();
            int minLevel = rs.stream().mapToInt(TaskRecord::level).min().orElse(0);
            int maxLevel = rs.stream().mapToInt(TaskRecord::level).max().orElse(0);
            t.row(cell(e.getKey()), cell(rs.size()), cell(ok), new HtmlTable.Cell(String.valueOf(rs.size() - ok),
                            rs.size() > ok ? "n bad" : "n"),
                    cell(minLevel == maxLevel ? String.valueOf(minLevel) : minLevel + " – " + maxLevel),
                    cell(Units.sec(mean(rs, TaskRecord::wallSeconds))), cell(Units.sec(mean(rs, TaskRecord::cpuSeconds))),
                    cell(Units.sec(mean(rs, TaskRecord::waitSeconds))));
        }
        t.render(out);
        if (records.size() <= MAX_TASK_ROWS) {
            out.raw("<details><summary>Every task</summary>\n");
            HtmlTable all = new HtmlTable("experiment", "level", "trial", "task", "worker", "pid", "wall s", "cpu s",
                    "wait s", "status");
            for (TaskRecord r : records) {
                all.row(cell(r.experiment()), cell(r.level()), cell(r.trial()), cell(r.taskIndex()), cell(r.workerId()),
                        cell(r.pid()), cell(Units.sec(r.wallSeconds())), cell(Units.sec(r.cpuSeconds())),
                        cell(Units.sec(r.waitSeconds())), HtmlTable.badge(r.status() == null ? "" : r.status().label(), r.ok() ? "good" : "bad"));
            }
            all.render(out);
            out.raw("</details>\n");
        }
    }

    private static double mean(List<TaskRecord> rs, ToDoubleFunction<TaskRecord> value) {
        return rs.stream().filter(TaskRecord::ok).mapToDouble(value).filter(Double::isFinite).average().orElse(Double.NaN);
    }
}
