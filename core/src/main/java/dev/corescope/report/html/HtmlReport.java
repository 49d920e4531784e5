package dev.corescope.report.html;

import dev.corescope.analysis.Units;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.AssessResult;
import dev.corescope.experiment.InvestigateResult;
import dev.corescope.experiment.JmhResult;
import dev.corescope.experiment.LevelRunResult;
import dev.corescope.experiment.Measured;
import dev.corescope.experiment.RebuiltResult;
import dev.corescope.experiment.Results;
import dev.corescope.experiment.RunInfo;
import dev.corescope.experiment.RunResult;
import dev.corescope.experiment.TransferResult;
import dev.corescope.report.RunFiles;
import dev.corescope.store.AtomicFile;
import dev.corescope.store.RecordLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code report.html}: one self-contained page built from the files of a run directory only — its
 * {@code summary.json} read back into the run's {@link RunResult} (of whichever version wrote it), its
 * {@code records.jsonl} when present, and every {@code *.svg} chart, inlined through an allow-list
 * ({@link SvgInline}). The sections: the verdict and the results (one {@link ResultSection} per result
 * type), warnings and notes, charts, failures and tasks, the run and the machine ({@link RunSection}).
 */
public final class HtmlReport {
    public static final String FILE = "report.html";

    /** The directory is not a run directory (no directory, no or unreadable summary.json). */
    public static final class NotARun extends IOException {
        public NotARun(String message) {
            super(message);
        }
    }

    private HtmlReport() {
    }

    /** Builds {@code runDir/report.html} and returns its path. */
    public static Path write(Path runDir) throws IOException {
        return write(runDir, w -> { });
    }

    /**
     * Builds {@code runDir/report.html} (atomically, never through a symlink: {@link AtomicFile}) and
     * returns its path; {@code warnings} gets one line per problem with the run's files (a torn last
     * record, a summary rebuilt from the records).
     */
    public static Path write(Path runDir, Consumer<String> warnings) throws IOException {
        String html = render(runDir, warnings);
        Path file = runDir.resolve(FILE);
        AtomicFile.write(file, html);
        return file;
    }

    /** The report's HTML text. */
    public static String render(Path runDir) throws IOException {
        return render(runDir, w -> { });
    }

    /**
     * The report's HTML text. Without {@code summary.json} (a run killed before it wrote one), the
     * result is rebuilt from {@code records.jsonl} ({@link RunRebuild}).
     */
    public static String render(Path runDir, Consumer<String> warnings) throws IOException {
        RunFiles files = RunFiles.load(runDir, warnings);
        RunResult result = files.result();
        RecordLog.Read records = files.records();
        return page(runDir, result, records).render(command(result), result.run().runId(), subtitle(result),
                runDir.toString());
    }

    private static Page page(Path dir, RunResult result, RecordLog.Read read) throws IOException {
        ResultSection typed = sectionOf(result);
        // a jmh run's records.jsonl holds iterations, not tasks: its section shows them
        List<TaskRecord> records = read == null || result instanceof JmhResult ? List.of() : read.records();
        int unreadable = read == null ? 0 : read.badLines() + (read.tornLastLine() ? 1 : 0);
        Page page = new Page();
        if (result.remarks().refused()) { // no verdict of figures the sanity layer refused: what was refused, and why
            page.section("verdict", "Refused").raw("<div class=\"verdict bad\">\n").list(result.findings(), "facts")
                    .raw("</div>\n");
        } else {
            typed.verdict(page.section("verdict", typed.verdictTitle()));
        }
        List<String> warnings = result.remarks().warnings();
        if (!warnings.isEmpty()) {
            page.section("warnings", "Warnings (" + warnings.size() + ")").list(warnings, "warnings");
        }
        List<String> notes = result.remarks().refused() ? List.of() : result.remarks().notes().stream().filter(n -> !result.findings().contains(n)).toList();
        page.section("notes", "Notes").list(notes, "notes");
        typed.results(page.section("results", "Results"));
        ChartsSection.render(page.section("charts", "Charts"), dir);
        TasksSection.failures(page.section("failures", "Failures and events"), result.remarks(), records, unreadable);
        TasksSection.tasks(page.section("tasks", "Tasks"), records);
        RunSection.details(page.section("run", "Run"), result, mode(result), command(result), dir);
        RunSection.machine(page.section("machine", "Machine"), result);
        return page;
    }

    /** The section of the result's type. */
    private static ResultSection sectionOf(RunResult r) {
        if (r instanceof InvestigateResult i) {
            return new InvestigateSection(i);
        }
        if (r instanceof AssessResult a) {
            return new AssessSection(a);
        }
        if (r instanceof TransferResult t) {
            return new TransferSection(t);
        }
        if (r instanceof JmhResult j) {
            return new JmhSection(j);
        }
        if (r instanceof LevelRunResult l) {
            return new LevelRunSection(l.measured(), l.findings(), l.remarks().refusals());
        }
        return new LevelRunSection(((RebuiltResult) r).measured(), List.of(), r.remarks().refusals());
    }

    /** The command: the summary's, else the family's (transfer summaries had none). */
    static String command(RunResult r) {
        RunInfo run = r.run();
        if (run.command() != null) {
            return run.command();
        }
        if (r instanceof TransferResult) {
            return "transfer";
        }
        return run.commandLine().size() > 1 ? run.commandLine().get(1) : "run";
    }

    /** The worker mode(s): the pool's, else the analysis', else the modes of transfer's cells. */
    static String mode(RunResult r) {
        WorkerMode m = measured(r).map(Measured::mode).orElse(null);
        if (m == null && r instanceof InvestigateResult i && i.analysis() != null) {
            m = i.analysis().mode();
        }
        if (m == null && r instanceof AssessResult a && a.analysis() != null) {
            m = a.analysis().plan().mode();
        }
        if (m == null && r instanceof TransferResult t && !t.modes().isEmpty()) {
            return String.join(" and ", t.modes().stream().map(WorkerMode::label).toList());
        }
        return m == null ? null : m.label();
    }

    /** What the run measured per level, for the result types that have levels. */
    static Optional<Measured> measured(RunResult r) {
        if (r instanceof InvestigateResult i) {
            return Optional.ofNullable(i.measured());
        }
        if (r instanceof AssessResult a) {
            return Optional.ofNullable(a.measured());
        }
        if (r instanceof LevelRunResult l) {
            return Optional.ofNullable(l.measured());
        }
        if (r instanceof RebuiltResult b) {
            return Optional.ofNullable(b.measured());
        }
        return Optional.empty();
    }

    /** Complete or interrupted, failed tasks, mode, workload, start and duration. */
    private static String subtitle(RunResult r) {
        List<String> sub = new ArrayList<>();
        RunInfo run = r.run();
        sub.add(run.complete() ? "<span class=\"badge good\">complete</span>"
                : "<span class=\"badge bad\">interrupted: covers what finished</span>");
        if (r.remarks().refused()) {
            sub.add("<span class=\"badge bad\">refused: no result</span>");
        }
        int failures = r.failures();
        if (failures > 0) {
            sub.add("<span class=\"badge bad\">" + failures + " failed task" + (failures == 1 ? "" : "s") + "</span>");
        }
        var profile = r.metadata() == null ? null : r.metadata().profile();
        if (profile != null && profile.simulated() != null) {
            sub.add("<span class=\"badge warn\">SIMULATED machine: " + Html.escape(profile.simulated().describe())
                    + "</span>");
        }
        String mode = mode(r);
        if (mode != null) {
            sub.add("mode <b>" + Html.escape(mode) + "</b>");
        }
        String workload = measured(r).map(Measured::workload).orElse(null);
        if (workload != null) {
            sub.add("workload <b>" + Html.escape(workload) + "</b>");
        }
        if (run.startedAt() != null) {
            sub.add(Html.escape(run.startedAt().replace('T', ' ').replaceAll("\\.\\d+Z$", " UTC"))
                    + duration(run.startedAt(), run.endedAt()).map(d -> " · took " + Html.escape(d)).orElse(""));
        }
        return String.join(" · ", sub);
    }

    /** How long the run took, from its start and end instants. */
    static Optional<String> duration(String start, String end) {
        if (start == null || end == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Units.human(Duration.between(Instant.parse(start), Instant.parse(end)).toNanos() / 1e9));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Escapes text for HTML element content and quoted attribute values; null becomes "". */
    public static String escape(String text) {
        return Html.escape(text);
    }

    static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").trim();
    }
}
