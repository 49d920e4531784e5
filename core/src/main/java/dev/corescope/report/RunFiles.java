package dev.corescope.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.corescope.experiment.AssessResult;
import dev.corescope.experiment.InvestigateResult;
import dev.corescope.experiment.JmhResult;
import dev.corescope.experiment.LevelRunResult;
import dev.corescope.experiment.Results;
import dev.corescope.experiment.RunResult;
import dev.corescope.experiment.TransferResult;
import dev.corescope.report.html.HtmlReport;
import dev.corescope.report.jmh.JmhRebuild;
import dev.corescope.store.RecordLog;
import dev.corescope.store.RunDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A run directory read back for {@code report} and {@code compare}, whatever state it is in: its
 * {@code summary.json} when that is a whole summary of the command that claimed the directory; otherwise (missing,
 * empty, not JSON, another shape, another command's) the summary rebuilt from {@code records.jsonl} by
 * {@link RunRebuild}, saying why; lines of {@code records.jsonl} that are not task records are skipped and counted.
 * Every problem is one line to {@code warnings}; a directory with neither a usable summary nor records is
 * {@link HtmlReport.NotARun}.
 *
 * @param result  the summary, read or rebuilt
 * @param records the task records read (null when there is no records.jsonl)
 * @param rebuilt true when {@code result} was rebuilt from the records
 */
public record RunFiles(RunResult result, RecordLog.Read records, boolean rebuilt) {

    public static RunFiles load(Path dir, Consumer<String> warnings) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new HtmlReport.NotARun(dir + " is not a directory");
        }
        Path summaryFile = dir.resolve("summary.json");
        Path recordFile = dir.resolve("records.jsonl");
        if (Files.isRegularFile(recordFile) && JmhRebuild.isJmhRecords(recordFile)) {
            return jmh(dir, summaryFile, warnings);
        }
        RecordLog.Read records = Files.isRegularFile(recordFile) ? RecordLog.readTolerant(recordFile) : null;
        if (records != null && records.warning(recordFile) != null) {
            warnings.accept(records.warning(recordFile));
        }
        String why;
        if (!Files.isRegularFile(summaryFile)) {
            why = null;
        } else {
            RunResult read = null;
            try {
                read = Results.read(summaryFile);
                why = read == null ? "not a corescope summary (null where an object belongs)"
                        : problem(read, claimedBy(dir), records == null ? 0 : records.records().size());
            } catch (com.fasterxml.jackson.core.JsonParseException e) {
                why = "not valid JSON (" + firstLine(e.getOriginalMessage()) + ")";
            } catch (JsonProcessingException e) {
                String text = Files.readString(summaryFile).strip();
                why = text.isEmpty() ? "empty" : "not a corescope summary (" + kind(text) + " where an object belongs)";
            }
            if (why == null) {
                return new RunFiles(read, records, false);
            }
        }
        if (records == null) {
            throw new HtmlReport.NotARun(why == null ? dir + " has no summary.json: not a corescope run directory"
                    : summaryFile + " is " + why + ", and there is no records.jsonl to rebuild it from");
        }
        String reason = why == null ? "summary.json is missing (the run was killed before it finished?)"
                : "summary.json is " + why;
        warnings.accept(dir + ": " + reason + ": rebuilt from records.jsonl alone ("
                + records.records().size() + " task records)");
        return new RunFiles(RunRebuild.summary(dir, records, reason), records, true);
    }

    /**
     * A jmh run: its records are iterations, not tasks (none are returned); a summary that is not a whole jmh
     * summary is rebuilt from them by {@link JmhRebuild}.
     */
    private static RunFiles jmh(Path dir, Path summaryFile, Consumer<String> warnings) throws IOException {
        String why = "missing (the jmh run was killed before it finished?)";
        if (Files.isRegularFile(summaryFile)) {
            try {
                RunResult read = Results.read(summaryFile);
                if (read instanceof JmhResult j && j.jmh() != null && j.run() != null && j.remarks() != null) {
                    return new RunFiles(read, null, false);
                }
                why = "not a whole summary of 'jmh'";
            } catch (JsonProcessingException e) {
                why = "not valid JSON (" + firstLine(e.getOriginalMessage()) + ")";
            }
        }
        warnings.accept(dir + ": summary.json is " + why + ": the report is rebuilt from its iteration records");
        return new RunFiles(JmhRebuild.rebuild(dir), null, true);
    }

    /**
     * Why a summary read back is not a whole one of {@code claimed} (the command that claimed its directory, null
     * when unknown), or null when it is.
     */
    static String problem(RunResult r, String claimed, int records) {
        if (r.run() == null || r.run().runId() == null || r.run().startedAt() == null) {
            return "not a corescope summary (no run id or start)";
        }
        String command = r.run().command();
        if (command == null && !(r instanceof TransferResult)) {
            return "not a corescope summary (no command)";
        }
        String family = command != null ? command : "transfer";
        if (claimed != null && !claimed.equals(family)) {
            return "a summary of '" + family + "', but '" + claimed + "' claimed the run directory";
        }
        boolean hollow = r.remarks() == null;
        int measured = 0;
        if (r instanceof LevelRunResult l) {
            hollow |= l.measured() == null;
            measured = hollow ? 0 : l.measured().levels().size();
        } else if (r instanceof InvestigateResult i) {
            hollow |= i.measured() == null;
            measured = hollow ? 0 : i.measured().levels().size();
        } else if (r instanceof AssessResult a) {
            hollow |= a.measured() == null;
            measured = hollow ? 0 : a.measured().levels().size();
        } else if (r instanceof TransferResult t) {
            hollow |= t.setup() == null;
            measured = t.cells().size();
        } else {
            hollow = true;
        }
        if (hollow) {
            return "not a whole summary of '" + family + "' (parts missing)";
        }
        return measured == 0 && records > 0 ? "a summary of '" + family + "' without any measurement, though "
                + "records.jsonl holds " + records : null;
    }

    /** What a JSON text that is not an object is, from its first character. */
    private static String kind(String text) {
        char c = text.charAt(0);
        return c == '[' ? "a JSON array" : c == '"' ? "a JSON string" : c == 't' || c == 'f' ? "a JSON boolean"
                : c == '-' || Character.isDigit(c) ? "a JSON number" : "text";
    }

    /** The command written in the directory's claim ({@value RunDirectory#MARKER}: {@code pid N, command, start}). */
    static String claimedBy(Path dir) {
        String[] claim = claim(dir);
        return claim == null ? null : claim[0];
    }

    /** The command and start time the run wrote in its directory's marker, or null. */
    static String[] claim(Path dir) {
        Path marker = dir.resolve(RunDirectory.MARKER);
        try {
            if (Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS) && Files.size(marker) < 4096) {
                String[] parts = Files.readString(marker, StandardCharsets.UTF_8).trim().split(", ");
                if (parts.length == 3 && parts[0].startsWith("pid ")) {
                    return new String[] {parts[1], parts[2]};
                }
            }
        } catch (IOException e) {
            // no marker
        }
        return null;
    }

    static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").trim();
    }
}
