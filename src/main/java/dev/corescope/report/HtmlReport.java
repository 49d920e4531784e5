package dev.corescope.report;

import dev.corescope.store.Version;
import dev.corescope.store.AtomicFile;
import dev.corescope.store.RecordLog;
import dev.corescope.store.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corescope.machine.LoadSnapshot;
import dev.corescope.machine.MachineProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code report.html}: one self-contained page built from the files of a run directory only —
 * {@code summary.json} (read as a JSON tree, so every command's summary works), {@code records.jsonl}
 * when present, and every {@code *.svg} chart, inlined. No script, no external style sheet, font or
 * image: the page fetches nothing. Every string taken from the run is escaped with {@link #escape}.
 */
public final class HtmlReport {
    public static final String FILE = "report.html";
    /** Runs with at most this many task records list every task. */
    static final int MAX_TASK_ROWS = 40;
    /** At most this many failed tasks are listed. */
    static final int MAX_FAILED_ROWS = 100;

    private static final ObjectReader LENIENT = Json.MAPPER.reader()
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+^-]+");
    private static final Pattern NUMERIC = Pattern.compile("[-+~<>]?\\s?[0-9][0-9.,]*.*|-|–");

    /** The directory is not a run directory (no directory, no or unreadable summary.json). */
    public static final class NotARun extends IOException {
        public NotARun(String message) {
            super(message);
        }
    }

    private final Path dir;
    private final JsonNode s;
    private final JsonNode analysis;
    private final JsonNode metadata;
    private final String command;
    private final List<JsonNode> records;
    private final int badRecordLines;
    private final StringBuilder out = new StringBuilder(64 * 1024);
    private final List<String[]> nav = new ArrayList<>();

    private HtmlReport(Path dir, JsonNode summary, List<JsonNode> records, int badRecordLines) {
        this.dir = dir;
        this.s = summary;
        this.analysis = obj(summary.get("analysis"));
        this.metadata = obj(summary.get("metadata"));
        this.records = records;
        this.badRecordLines = badRecordLines;
        this.command = commandOf(summary);
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
    public static Path write(Path runDir, java.util.function.Consumer<String> warnings) throws IOException {
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
     * summary is rebuilt from {@code records.jsonl} ({@link RunRebuild}).
     */
    public static String render(Path runDir, java.util.function.Consumer<String> warnings) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new NotARun(runDir + " is not a directory");
        }
        Path summaryFile = runDir.resolve("summary.json");
        Path recordFile = runDir.resolve("records.jsonl");
        JsonNode summary;
        if (!Files.isRegularFile(summaryFile) && Files.isRegularFile(recordFile)) {
            RecordLog.Read read = RecordLog.readTolerant(recordFile);
            if (read.warning(recordFile) != null) {
                warnings.accept(read.warning(recordFile));
            }
            warnings.accept(runDir + " has no summary.json (the run was killed?): the report is rebuilt from "
                    + "records.jsonl alone (" + read.records().size() + " task records)");
            summary = Json.MAPPER.valueToTree(RunRebuild.summary(runDir, read));
        } else if (!Files.isRegularFile(summaryFile)) {
            throw new NotARun(runDir + " has no summary.json: not a corescope run directory");
        } else {
            try {
                summary = Json.MAPPER.readTree(summaryFile.toFile());
            } catch (JsonProcessingException e) {
                throw new NotARun(summaryFile + " is not valid JSON: " + firstLine(e.getOriginalMessage()));
            }
        }
        if (summary == null || !summary.isObject()) {
            throw new NotARun(summaryFile + " does not hold a JSON object");
        }
        List<JsonNode> records = new ArrayList<>();
        int bad = 0;
        if (Files.isRegularFile(recordFile)) {
            // an InputStreamReader replaces malformed input: a write cut short can split a character
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(recordFile),
                    StandardCharsets.UTF_8)); Stream<String> lines = reader.lines()) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        JsonNode r = Json.MAPPER.readTree(line);
                        if (r != null && r.isObject()) {
                            records.add(r);
                        } else {
                            bad++;
                        }
                    } catch (JsonProcessingException e) {
                        bad++;
                    }
                }
            }
        }
        return new HtmlReport(runDir, summary, records, bad).html();
    }

    /** Escapes text for HTML element content and quoted attribute values; null becomes "". */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7f) {
                        sb.append('\uFFFD'); // control characters are not allowed in HTML text
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------------------- page

    private String html() throws IOException {
        // Sections are rendered first so the navigation lists only those present.
        verdict();
        warnings();
        notes();
        results();
        charts();
        failures();
        tasks();
        runDetails();
        machine();
        String sections = out.toString();
        out.setLength(0);

        String runId = text(s, "runId");
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"corescope ").append(escape(Version.current())).append("\">\n")
                .append("<title>corescope ").append(escape(command)).append(runId == null ? "" : " — " + escape(runId))
                .append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        out.append("<header>\n<h1><span class=\"tool\">corescope</span> ").append(escape(command));
        if (runId != null) {
            out.append(" <span class=\"runid\">").append(escape(runId)).append("</span>");
        }
        out.append("</h1>\n<p class=\"sub\">");
        List<String> sub = new ArrayList<>();
        Boolean complete = s.has("complete") ? s.get("complete").asBoolean() : null;
        if (complete != null) {
            sub.add(complete ? "<span class=\"badge good\">complete</span>"
                    : "<span class=\"badge bad\">interrupted: covers what finished</span>");
        }
        int failures = s.path("failures").asInt(0);
        if (failures > 0) {
            sub.add("<span class=\"badge bad\">" + failures + " failed task" + (failures == 1 ? "" : "s") + "</span>");
        }
        String mode = mode();
        if (mode != null) {
            sub.add("mode <b>" + escape(mode) + "</b>");
        }
        if (text(s, "workload") != null) {
            sub.add("workload <b>" + escape(text(s, "workload")) + "</b>");
        }
        String started = text(s, "startedAt");
        if (started != null) {
            sub.add(escape(started.replace('T', ' ').replaceAll("\\.\\d+Z$", " UTC"))
                    + duration(started, text(s, "endedAt")).map(d -> " · took " + escape(d)).orElse(""));
        }
        out.append(String.join(" · ", sub)).append("</p>\n");
        out.append("<nav>");
        for (String[] n : nav) {
            out.append("<a href=\"#").append(n[0]).append("\">").append(escape(n[1])).append("</a>");
        }
        out.append("</nav>\n</header>\n<main>\n").append(sections).append("</main>\n");
        out.append("<footer>Written by corescope ").append(escape(Version.current()))
                .append(" from the files of the run directory <code>").append(escape(dir.toString()))
                .append("</code>; self-contained: no scripts, nothing fetched.</footer>\n</body>\n</html>\n");
        return out.toString();
    }

    private void section(String id, String title) {
        nav.add(new String[] {id, title});
        out.append("<section id=\"").append(id).append("\">\n<h2>").append(escape(title)).append("</h2>\n");
    }

    private void endSection() {
        out.append("</section>\n");
    }

    // ---------------------------------------------------------------------------------------------------- verdicts

    private void verdict() {
        if (analysis != null && analysis.has("threshold")) {
            investigateVerdict();
        } else if (analysis != null && analysis.has("algorithms")) {
            assessVerdict();
        } else if (s.has("verdicts") && s.get("verdicts").isArray() && s.get("verdicts").size() > 0) {
            transferVerdict();
        }
    }

    private void investigateVerdict() {
        JsonNode a = analysis;
        int threshold = a.path("threshold").asInt();
        boolean settled = a.path("settled").asBoolean(true);
        section("verdict", "Threshold verdict");
        out.append("<div class=\"verdict ").append(settled ? "good" : "warn").append("\">\n<p class=\"big\">Threshold: <b>")
                .append(threshold).append(" worker").append(threshold == 1 ? "" : "s").append("</b>");
        out.append(settled ? "" : " <span class=\"badge warn\">not fully settled within the sample budget</span>")
                .append("</p>\n<p>");
        List<String> facts = new ArrayList<>();
        if (Double.isFinite(dbl(a, "tolerance"))) {
            facts.add("tolerance " + fmt("%.0f%%", 100 * dbl(a, "tolerance")));
        }
        if (text(a, "mode") != null) {
            facts.add(escape(text(a, "mode")) + " mode");
        }
        if (a.has("predictedWorkers")) {
            facts.add("the profile predicted " + a.path("predictedWorkers").asInt()
                    + (text(a, "predictedBy") != null ? " (" + escape(text(a, "predictedBy")) + ")" : ""));
        }
        if (a.path("pinCpus").isArray() && a.path("pinCpus").size() > 0) {
            facts.add("pin to CPU" + (a.path("pinCpus").size() == 1 ? " " : "s ") + escape(joinValues(a.path("pinCpus"))));
        }
        if (Double.isFinite(dbl(a, "otherBusyCpus"))) {
            facts.add("other work kept " + fmt("%.1f", dbl(a, "otherBusyCpus")) + " CPUs busy");
        }
        if (Double.isFinite(dbl(a, "seconds"))) {
            facts.add("verdict in " + fmt("%.2f", dbl(a, "seconds")) + " s of measurement");
        }
        out.append(String.join(" · ", facts)).append("</p>\n");
        JsonNode knee = obj(a.get("knee"));
        JsonNode usl = obj(a.get("usl"));
        if (knee != null || usl != null) {
            out.append("<ul class=\"facts\">\n");
            if (knee != null) {
                out.append("<li>Throughput knee: ").append(knee.path("workers").asInt()).append(" workers (")
                        .append(fmt("%.1f", dbl(knee, "throughput"))).append(" tasks/s of a ")
                        .append(fmt("%.1f", dbl(knee, "maxThroughput"))).append(" max)</li>\n");
            }
            if (usl != null) {
                double peak = dbl(usl, "peakWorkers");
                out.append("<li>USL fit: σ=").append(fmt("%.3f", dbl(usl, "sigma"))).append(" κ=")
                        .append(fmt("%.4f", dbl(usl, "kappa"))).append(" λ=").append(fmt("%.2f", dbl(usl, "lambda")))
                        .append(" tasks/s, predicted peak ")
                        .append(Double.isFinite(peak) ? "at " + fmt("%.1f", peak) + " workers" : "beyond the measured range")
                        .append(" (R²=").append(fmt("%.3f", dbl(usl, "rSquared"))).append(")</li>\n");
            }
            out.append("</ul>\n");
        }
        if (text(a, "explanation") != null) {
            out.append("<p class=\"explanation\">").append(escape(text(a, "explanation"))).append("</p>\n");
        }
        out.append("</div>\n");
        endSection();
    }

    private void assessVerdict() {
        JsonNode a = analysis;
        section("verdict", "Assessment");
        out.append("<div class=\"verdict neutral\">\n<p class=\"big\">");
        List<String> facts = new ArrayList<>();
        if (a.has("workers")) {
            facts.add("<b>" + a.path("workers").asInt() + " worker" + (a.path("workers").asInt() == 1 ? "" : "s") + "</b>"
                    + (text(a, "workersSource") != null ? " (" + escape(text(a, "workersSource")) + ")" : ""));
        }
        if (text(a, "mode") != null) {
            facts.add(escape(text(a, "mode")));
        }
        if (a.has("repeats")) {
            facts.add(a.path("repeats").asInt() + " repeats per size");
        }
        if (a.path("sizes").isArray()) {
            facts.add("sizes " + escape(joinValues(a.path("sizes"))));
        }
        out.append(String.join(" · ", facts)).append("</p>\n<ul class=\"facts\">\n");
        if (Double.isFinite(dbl(a, "throughput"))) {
            out.append("<li>Throughput: ").append(fmt("%.2f", dbl(a, "throughput"))).append(" tasks/s</li>\n");
        }
        li(text(a, "speedupNote"));
        for (JsonNode alg : a.path("algorithms")) {
            JsonNode c = obj(alg.get("certification"));
            if (c != null && text(c, "verdict") != null) {
                li(text(alg, "algorithm") + ": " + text(c, "verdict"));
            }
        }
        JsonNode pin = obj(a.get("pinning"));
        if (pin != null) {
            li(pin.path("pinned").asBoolean() ? "Workers pinned to CPUs " + joinValues(pin.path("cpus")) : "Workers not pinned");
        }
        out.append("</ul>\n<p class=\"caption\">Warm-up, task order, CI method: see the notes.</p>\n</div>\n");
        endSection();
    }

    private void transferVerdict() {
        section("verdict", "When parallelism pays");
        for (JsonNode v : s.get("verdicts")) {
            out.append("<div class=\"verdict neutral\">\n<h3>").append(escape(text(v, "mode"))).append("</h3>\n");
            if (text(v, "conclusion") != null) {
                out.append("<p class=\"explanation\">").append(escape(text(v, "conclusion"))).append("</p>\n");
            }
            list(v.get("crossovers"), "facts");
            out.append("</div>\n");
        }
        endSection();
    }

    private void li(String text) {
        if (text != null && !text.isBlank()) {
            out.append("<li>").append(escape(text)).append("</li>\n");
        }
    }

    private void list(JsonNode array, String cls) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            return;
        }
        out.append("<ul class=\"").append(cls).append("\">\n");
        for (JsonNode n : array) {
            li(n.isValueNode() ? n.asText() : n.toString());
        }
        out.append("</ul>\n");
    }

    // ---------------------------------------------------------------------------------------------------- notes

    private void warnings() {
        JsonNode w = s.get("warnings");
        if (w == null || !w.isArray() || w.isEmpty()) {
            return;
        }
        section("warnings", "Warnings (" + w.size() + ")");
        list(w, "warnings");
        endSection();
    }

    private void notes() {
        JsonNode n = s.get("notes");
        if (n == null || !n.isArray() || n.isEmpty()) {
            return;
        }
        String explanation = analysis == null ? null : text(analysis, "explanation");
        List<String> shown = new ArrayList<>();
        for (JsonNode note : n) {
            String t = note.asText();
            if (!t.equals(explanation)) {
                shown.add(t);
            }
        }
        if (shown.isEmpty()) {
            return;
        }
        section("notes", "Notes");
        out.append("<ul class=\"notes\">\n");
        shown.forEach(this::li);
        out.append("</ul>\n");
        endSection();
    }

    // ---------------------------------------------------------------------------------------------------- tables

    private void results() {
        int before = out.length();
        nav.add(new String[] {"results", "Results"});
        int navIndex = nav.size() - 1;
        out.append("<section id=\"results\">\n<h2>Results</h2>\n");
        int start = out.length();
        if (analysis != null && analysis.path("levels").isArray() && analysis.has("threshold")) {
            investigateTable(analysis.get("levels"));
        }
        if (analysis != null && analysis.path("algorithms").isArray()) {
            assessTables(analysis.get("algorithms"));
        }
        if (s.path("cells").isArray() && !s.get("cells").isEmpty()) {
            transferTable(s.get("cells"));
        }
        if (s.path("levels").isArray() && !s.get("levels").isEmpty() && !(analysis != null && analysis.has("threshold"))) {
            levelTable(s.get("levels"), analysis != null && analysis.has("algorithms") ? "Batches" : null);
        }
        if (out.length() == start) {
            out.setLength(before);
            nav.remove(navIndex);
        } else {
            endSection();
        }
    }

    private void investigateTable(JsonNode levels) {
        out.append("<p class=\"caption\">Per-task times at each measured level, against one worker alone: ratio of "
                + "medians with its 95% CI; <i>ok</i> = no worse than one worker within the tolerance.</p>\n");
        HtmlTable t = new HtmlTable("workers", "samples", "mean s", "sd s", "CV", "median s", "ratio", "95% CI",
                "cpu/task s", "wait/task s", "verdict");
        for (JsonNode l : levels) {
            String verdict = text(l, "verdict");
            boolean settled = l.path("settled").asBoolean(true);
            int workers = l.path("workers").asInt();
            t.row(cell(workers), cell(l.path("samples").asInt()), cell(sec(dbl(l, "mean"))), cell(sec(dbl(l, "stddev"))),
                    cell(pct(dbl(l, "cv"))), cell(sec(dbl(l, "median"))), cell(num(dbl(l, "ratio"), 3)),
                    cell(workers == 1 ? "-" : num(dbl(l, "ratioLow"), 3) + " – " + num(dbl(l, "ratioHigh"), 3)),
                    cell(sec(dbl(l, "cpuMean"))), cell(sec(dbl(l, "waitMean"))),
                    new Cell(verdict == null ? "-" : verdict + (settled ? "" : " (unsettled)"), "badge " + verdictClass(verdict)));
        }
        t.render(out);
    }

    private void assessTables(JsonNode algorithms) {
        for (JsonNode alg : algorithms) {
            out.append("<h3>").append(escape(text(alg, "algorithm"))).append("</h3>\n<p class=\"caption\">");
            List<String> facts = new ArrayList<>();
            if (text(alg, "workload") != null && !text(alg, "workload").equals(text(alg, "algorithm"))) {
                facts.add("workload " + escape(text(alg, "workload")));
            }
            facts.add(alg.path("tasks").asInt() + " tasks" + (alg.path("failed").asInt() > 0
                    ? " (" + alg.path("failed").asInt() + " failed)" : ""));
            if (Double.isFinite(dbl(alg, "wallSeconds"))) {
                facts.add("in " + fmt("%.3f", dbl(alg, "wallSeconds")) + " s");
            }
            if (Double.isFinite(dbl(alg, "throughput"))) {
                facts.add(fmt("%.2f", dbl(alg, "throughput")) + " tasks/s");
            }
            if (Double.isFinite(dbl(alg, "speedup"))) {
                facts.add("speedup over one worker " + fmt("%.2f", dbl(alg, "speedup")) + "x");
            }
            out.append(String.join(" · ", facts)).append("</p>\n");
            HtmlTable t = new HtmlTable("size", "n", "failed", "mean ms", "sd ms", "CV", "median ms", "min ms", "max ms",
                    "95% CI of mean (ms)", "outliers (kept)");
            for (JsonNode sz : alg.path("sizes")) {
                t.row(cell(text(sz, "size")), cell(sz.path("count").asInt()), cell(sz.path("failed").asInt()),
                        cell(ms(dbl(sz, "mean"))), cell(ms(dbl(sz, "sd"))), cell(pct(dbl(sz, "cv"))),
                        cell(ms(dbl(sz, "median"))), cell(ms(dbl(sz, "min"))), cell(ms(dbl(sz, "max"))),
                        cell(Double.isFinite(dbl(sz, "ciLow")) ? ms(dbl(sz, "ciLow")) + " – " + ms(dbl(sz, "ciHigh")) : "-"),
                        cell(sz.path("outlierRepeats").size()));
            }
            t.render(out);
        }
        out.append("<h3>Complexity fit</h3>\n<p class=\"caption\">t = intercept + constant·f(n); power law t = c·n<sup>k</sup>.</p>\n");
        HtmlTable fit = new HtmlTable("algorithm", "best model", "R²", "constant (s/unit)", "intercept ms", "power law k",
                "R² log-log");
        for (JsonNode alg : algorithms) {
            JsonNode f = obj(alg.get("fit"));
            if (f == null || text(f, "bestModel") == null) {
                fit.row(cell(text(alg, "algorithm")), cell(f == null ? "-" : text(f, "note")), cell("-"), cell("-"),
                        cell("-"), cell("-"), cell("-"));
            } else {
                fit.row(cell(text(alg, "algorithm")), cell(text(f, "bestModel")), cell(num(dbl(f, "rSquared"), 4)),
                        cell(Double.isFinite(dbl(f, "constant")) ? fmt("%.4g", dbl(f, "constant")) : "-"),
                        cell(ms(dbl(f, "intercept"))), cell(num(dbl(f, "powerExponent"), 3)),
                        cell(num(dbl(f, "powerRSquared"), 4)));
            }
        }
        fit.render(out);
        HtmlTable verify = new HtmlTable("algorithm", "size", "tasks P/1", "mean ratio P/1", "95% CI", "sd ratio P/1",
                "95% CI");
        for (JsonNode alg : algorithms) {
            for (JsonNode v : alg.path("verify")) {
                JsonNode r = v.path("ratios");
                verify.row(cell(text(alg, "algorithm")), cell(text(v, "size")),
                        cell(r.path("parallelCount").asInt() + "/" + r.path("singleCount").asInt()),
                        cell(num(dbl(r, "meanRatio"), 3)),
                        cell(num(dbl(r, "meanRatioLow"), 3) + " – " + num(dbl(r, "meanRatioHigh"), 3)),
                        cell(num(dbl(r, "sdRatio"), 2)), cell(num(dbl(r, "sdRatioLow"), 2) + " – " + num(dbl(r, "sdRatioHigh"), 2)));
            }
        }
        if (!verify.rows.isEmpty()) {
            out.append("<h3>Verification against one worker</h3>\n<p class=\"caption\">The same tasks on one worker: "
                    + "a ratio near 1 means no bias and no added noise.</p>\n");
            verify.render(out);
        }
        HtmlTable check = new HtmlTable("algorithm", "workers", "tasks/controls", "mean ratio [95% CI]",
                "median ratio [95% CI]", "sd ratio [95% CI]", "verdict");
        for (JsonNode alg : algorithms) {
            for (JsonNode at : alg.path("certification").path("attempts")) {
                JsonNode c = at.path("comparison");
                String verdict = text(c, "verdict");
                check.row(cell(text(alg, "algorithm")), cell(at.path("level").asInt()),
                        cell(at.path("tasks").asInt() + "/" + at.path("controls").asInt()), cell(ratio(c.path("mean"))),
                        cell(ratio(c.path("median"))), cell(ratio(c.path("sd"))),
                        new Cell(verdict + (c.path("settled").asBoolean() ? "" : " (not settled)")
                                + (at.path("stoppedEarly").asBoolean() ? ", stopped early" : ""),
                                "badge " + verdictClass(verdict)));
            }
        }
        if (!check.rows.isEmpty()) {
            out.append("<h3>Check against one worker alone</h3>\n<p class=\"caption\">One-worker controls of the same "
                    + "tasks, interleaved at random moments of the run: a ratio near 1 means no bias and no added noise.</p>\n");
            check.render(out);
        }
    }

    /** {@code ×1.01 [0.99 – 1.03]} from a DistributionComparison.Ratio node. */
    private static String ratio(JsonNode r) {
        double p = dbl(r, "point");
        double lo = dbl(r, "low");
        double hi = dbl(r, "high");
        return Double.isFinite(lo) && Double.isFinite(hi) ? "×" + num(p, 2) + " [" + num(lo, 2) + " – " + num(hi, 2) + "]"
                : "×" + num(p, 2);
    }

    private void transferTable(JsonNode cells) {
        JsonNode cal = s.get("calibrations");
        if (cal != null && cal.isArray() && !cal.isEmpty()) {
            out.append("<ul class=\"facts\">\n");
            for (JsonNode c : cal) {
                li(text(c, "description"));
            }
            out.append("</ul>\n");
        }
        out.append("<p class=\"caption\">seq / par: wall time of the cell's tasks on one thread / on ")
                .append(escape(text(s, "workers") == null ? "N" : text(s, "workers")))
                .append(" workers; overhead columns: mean per task in ms (worker JVMs only, except dispatch); "
                        + "GB/s: payload bytes / transfer span.</p>\n");
        HtmlTable t = new HtmlTable("mode", "work", "result", "tasks", "task ms", "seq s", "par s", "speedup", "dispatch",
                "serialize", "transfer", "deserialize", "GB/s", "failures");
        for (JsonNode c : cells) {
            JsonNode o = c.path("overhead");
            double speedup = dbl(c, "speedup");
            t.row(cell(text(c, "mode")), cell(duration(dbl(c, "durationSeconds"))), cell(bytes(c.path("sizeBytes").asLong())),
                    cell(c.path("tasks").asInt()), cell(num(dbl(c, "taskMs"), 3)), cell(sec(dbl(c, "sequentialSeconds"))),
                    cell(sec(dbl(c, "parallelSeconds"))),
                    new Cell(num(speedup, 2), Double.isFinite(speedup) ? speedup < 1 ? "n bad" : "n good" : "n"),
                    cell(num(dbl(o, "dispatchMs"), 3)), cell(num(dbl(o, "serializeMs"), 3)),
                    cell(num(dbl(o, "transferMs"), 3)), cell(num(dbl(o, "deserializeMs"), 3)),
                    cell(num(dbl(c, "transferGBps"), 2)), cell(c.path("failures").asInt()));
        }
        t.render(out);
    }

    private void levelTable(JsonNode levels, String heading) {
        boolean several = false;
        boolean trials = false;
        String first = null;
        for (JsonNode l : levels) {
            trials |= l.path("trials").asInt(1) > 1;
            String e = text(l, "experiment");
            if (first == null) {
                first = e;
            } else if (e != null && !e.equals(first)) {
                several = true;
            }
        }
        if (heading != null) {
            out.append("<h3>").append(escape(heading)).append("</h3>\n");
        }
        out.append("<p class=\"caption\">Per concurrency level, times in seconds: total wall time, per-task time "
                + "statistics (95% CI of the mean), CPU time and run-queue wait per task; speedup and efficiency against "
                + "one worker (per-level medians and throughput: <code>summary.csv</code>).</p>\n");
        List<String> headers = new ArrayList<>(List.of("workers", "tasks", "total", "mean", "sd", "CV", "95% CI",
                "min – max", "cpu/task", "wait/task", "speedup", "efficiency"));
        if (trials) {
            headers.add(1, "trials");
        }
        if (several) {
            headers.add(0, "experiment");
        }
        HtmlTable t = new HtmlTable(headers.toArray(String[]::new));
        for (JsonNode l : levels) {
            JsonNode p = l.path("perTask");
            int failed = l.path("failures").asInt();
            double mean = dbl(p, "mean");
            List<Cell> cells = new ArrayList<>(List.of(cell(l.path("workers").asInt()),
                    new Cell(l.path("tasks").asInt() + (failed > 0 ? " (" + failed + " failed)" : ""), failed > 0 ? "n bad" : "n"),
                    cell(sec(dbl(l, "totalSeconds"))), cell(sec(mean)), cell(sec(dbl(p, "sd"))),
                    cell(pct(dbl(p, "sd") / mean)),
                    cell(Double.isFinite(dbl(p, "ciLow")) ? sec(dbl(p, "ciLow")) + " – " + sec(dbl(p, "ciHigh")) : "-"),
                    cell(sec(dbl(p, "min")) + " – " + sec(dbl(p, "max"))),
                    cell(sec(dbl(l, "cpuPerTask"))), cell(sec(dbl(l, "waitPerTask"))),
                    cell(num(dbl(l, "speedup"), 2)), cell(pct(dbl(l, "efficiency")))));
            if (trials) {
                cells.add(1, cell(l.path("trials").asInt()));
            }
            if (several) {
                cells.add(0, cell(text(l, "experiment")));
            }
            t.row(cells.toArray(Cell[]::new));
        }
        t.render(out);
    }

    // ---------------------------------------------------------------------------------------------------- charts

    private void charts() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        if (files.isEmpty()) {
            return;
        }
        section("charts", "Charts");
        out.append("<div class=\"charts\">\n");
        int i = 0;
        for (Path f : files) {
            i++;
            String name = f.getFileName().toString();
            out.append("<figure class=\"chart\">\n");
            try {
                out.append(SvgInline.inline(Files.readString(f, StandardCharsets.UTF_8), "c" + i + "-")).append('\n');
            } catch (IOException | RuntimeException e) {
                out.append("<p class=\"missing\">This chart could not be inlined: ")
                        .append(escape(firstLine(e.getMessage()))).append("</p>\n");
            }
            String base = name.substring(0, name.length() - 4);
            out.append("<figcaption>").append(escape(base.replace('-', ' '))).append(" <code>").append(escape(name))
                    .append("</code>");
            if (Files.isRegularFile(dir.resolve(base + ".png"))) {
                out.append(" (also <code>").append(escape(base + ".png")).append("</code>)");
            }
            out.append("</figcaption>\n</figure>\n");
        }
        out.append("</div>\n");
        endSection();
    }

    // ---------------------------------------------------------------------------------------------------- failures

    private void failures() {
        int failures = s.path("failures").asInt(0);
        JsonNode reasons = s.get("failureReasons");
        JsonNode events = s.get("events");
        List<JsonNode> failed = records.stream().filter(r -> !"ok".equals(text(r, "status"))).toList();
        boolean any = failures > 0 || nonEmpty(reasons) || nonEmpty(events) || !failed.isEmpty() || badRecordLines > 0;
        if (!any) {
            return;
        }
        section("failures", "Failures and events");
        if (failures > 0 || nonEmpty(reasons)) {
            out.append("<p><span class=\"badge bad\">").append(failures).append(" task").append(failures == 1 ? "" : "s")
                    .append(" failed</span></p>\n");
            list(reasons, "failures");
        }
        if (nonEmpty(events)) {
            out.append("<h3>Events</h3>\n");
            list(events, "notes");
        }
        if (!failed.isEmpty()) {
            out.append("<h3>Failed tasks</h3>\n");
            HtmlTable t = new HtmlTable("experiment", "level", "trial", "task", "size", "worker", "pid", "wall s", "status",
                    "error");
            for (JsonNode r : failed.subList(0, Math.min(failed.size(), MAX_FAILED_ROWS))) {
                t.row(cell(text(r, "experiment")), cell(text(r, "level")), cell(text(r, "trial")), cell(text(r, "taskIndex")),
                        cell(text(r, "size")), cell(text(r, "workerId")), cell(text(r, "pid")),
                        cell(sec(dbl(r, "wallNanos") / 1e9)), new Cell(text(r, "status"), "badge bad"),
                        new Cell(text(r, "error"), "wrap"));
            }
            t.render(out);
            if (failed.size() > MAX_FAILED_ROWS) {
                out.append("<p class=\"caption\">").append(failed.size() - MAX_FAILED_ROWS)
                        .append(" more in <code>records.jsonl</code>.</p>\n");
            }
        }
        if (badRecordLines > 0) {
            out.append("<p class=\"caption\">").append(badRecordLines)
                    .append(" line(s) of <code>records.jsonl</code> could not be read (an interrupted write?).</p>\n");
        }
        endSection();
    }

    // ---------------------------------------------------------------------------------------------------- tasks

    private void tasks() {
        if (records.isEmpty()) {
            return;
        }
        section("tasks", "Tasks");
        Map<String, List<JsonNode>> byExperiment = new LinkedHashMap<>();
        for (JsonNode r : records) {
            byExperiment.computeIfAbsent(String.valueOf(text(r, "experiment")), k -> new ArrayList<>()).add(r);
        }
        out.append("<p class=\"caption\">From <code>records.jsonl</code>: ").append(records.size())
                .append(" task record").append(records.size() == 1 ? "" : "s").append(", one per finished task.</p>\n");
        HtmlTable t = new HtmlTable("experiment", "tasks", "ok", "failed", "levels", "mean wall s", "mean cpu s",
                "mean wait s");
        for (var e : byExperiment.entrySet()) {
            List<JsonNode> rs = e.getValue();
            long ok = rs.stream().filter(r -> "ok".equals(text(r, "status"))).count();
            int minLevel = rs.stream().mapToInt(r -> r.path("level").asInt()).min().orElse(0);
            int maxLevel = rs.stream().mapToInt(r -> r.path("level").asInt()).max().orElse(0);
            t.row(cell(e.getKey()), cell(rs.size()), cell(ok), new Cell(String.valueOf(rs.size() - ok),
                            rs.size() > ok ? "n bad" : "n"),
                    cell(minLevel == maxLevel ? String.valueOf(minLevel) : minLevel + " – " + maxLevel),
                    cell(sec(mean(rs, "wallNanos") / 1e9)), cell(sec(mean(rs, "cpuNanos") / 1e9)),
                    cell(sec(mean(rs, "waitNanos") / 1e9)));
        }
        t.render(out);
        if (records.size() <= MAX_TASK_ROWS) {
            out.append("<details><summary>Every task</summary>\n");
            HtmlTable all = new HtmlTable("experiment", "level", "trial", "task", "worker", "pid", "wall s", "cpu s",
                    "wait s", "status");
            for (JsonNode r : records) {
                String status = text(r, "status");
                all.row(cell(text(r, "experiment")), cell(text(r, "level")), cell(text(r, "trial")), cell(text(r, "taskIndex")),
                        cell(text(r, "workerId")), cell(text(r, "pid")), cell(sec(dbl(r, "wallNanos") / 1e9)),
                        cell(sec(dbl(r, "cpuNanos") / 1e9)), cell(sec(dbl(r, "waitNanos") / 1e9)),
                        new Cell(status, "badge " + ("ok".equals(status) ? "good" : "bad")));
            }
            all.render(out);
            out.append("</details>\n");
        }
        endSection();
    }

    private static double mean(List<JsonNode> rs, String field) {
        return rs.stream().filter(r -> "ok".equals(text(r, "status"))).mapToDouble(r -> dbl(r, field))
                .filter(Double::isFinite).average().orElse(Double.NaN);
    }

    // ---------------------------------------------------------------------------------------------------- metadata

    private void runDetails() {
        section("run", "Run");
        out.append("<dl class=\"kv\">\n");
        kv("Run id", text(s, "runId"));
        kv("Command", command);
        JsonNode cl = s.get("commandLine");
        if (cl != null && cl.isArray()) {
            List<String> args = new ArrayList<>();
            cl.forEach(a -> args.add(a.asText()));
            out.append("<dt>Command line</dt><dd><code class=\"cmd\">").append(escape(shellJoin(args))).append("</code></dd>\n");
        }
        kv("corescope version", metadata == null ? null : text(metadata, "corescopeVersion"));
        kv("Started", text(s, "startedAt"));
        kv("Ended", text(s, "endedAt"));
        kv("Duration", duration(text(s, "startedAt"), text(s, "endedAt")).orElse(null));
        if (s.has("complete")) {
            kv("Complete", s.get("complete").asBoolean() ? "yes" : "no: interrupted, the summary covers what finished");
        }
        kv("Mode", mode());
        kv("Workload", text(s, "workload"));
        if (s.has("workers") && s.get("workers").isNumber()) {
            kv("Workers", text(s, "workers") + (text(s, "workersNote") != null ? " — " + text(s, "workersNote") : ""));
        }
        JsonNode cal = obj(s.get("calibration"));
        if (cal != null) {
            kv("Calibration", fmt("spin loops=%,d for a %.3f s task (%.3f ns per loop of CPU time, %d probes%s)",
                    cal.path("loops").asLong(), dbl(cal, "targetSeconds"), dbl(cal, "nanosPerLoop"),
                    cal.path("probes").asInt(), cal.path("stable").asBoolean(true) ? "" : ", unstable"));
        }
        JsonNode starts = s.get("workerStartMillis");
        if ("processes".equals(mode()) && starts != null && starts.isArray() && !starts.isEmpty()) {
            double sum = 0;
            double max = 0;
            for (JsonNode m : starts) {
                sum += m.asDouble();
                max = Math.max(max, m.asDouble());
            }
            kv("Worker JVMs", fmt("%d started, %.0f ms each on average (slowest %.0f ms), not counted in task times",
                    starts.size(), sum / starts.size(), max));
        }
        if (metadata != null) {
            kv("Load before", load(metadata.get("loadAtStart")));
            kv("Load after", load(metadata.get("loadAtEnd")));
            kv("Recorded run directory", text(metadata, "runDirectory"));
        }
        kv("Report built from", dir.toAbsolutePath().normalize().toString());
        out.append("</dl>\n");
        endSection();
    }

    private void machine() {
        JsonNode profile = metadata != null ? obj(metadata.get("profile")) : null;
        if (profile == null && analysis != null) {
            profile = obj(analysis.get("profile"));
        }
        if (profile == null) {
            return;
        }
        section("machine", "Machine");
        out.append("<ul class=\"machine\">\n");
        for (String line : profileLines(profile)) {
            int colon = line.indexOf(": ");
            if (colon > 0 && colon < 30) {
                out.append("<li><b>").append(escape(line.substring(0, colon))).append("</b> ")
                        .append(escape(line.substring(colon + 2))).append("</li>\n");
            } else {
                li(line);
            }
        }
        out.append("</ul>\n");
        endSection();
    }

    /** The console's profile lines ({@link MachineProfile#summaryLines()}), or the raw facts if it cannot be read. */
    static List<String> profileLines(JsonNode profile) {
        try {
            ObjectNode p = profile.deepCopy();
            // NaN and infinities were written as null: restore them so the descriptions read as on the console.
            JsonNode q = p.get("quota");
            if (q instanceof ObjectNode quota && quota.path("cpus").isNull()) {
                long qm = quota.path("quotaMicros").asLong(-1);
                long pm = quota.path("periodMicros").asLong(-1);
                quota.put("cpus", qm > 0 && pm > 0 ? (double) qm / pm : pm > 0 ? Double.POSITIVE_INFINITY : Double.NaN);
            }
            if (p.get("loadAtStart") instanceof ObjectNode l) {
                restoreNaN(l, "load1", "load5", "load15");
            }
            return LENIENT.treeToValue(p, MachineProfile.class).summaryLines();
        } catch (IOException | RuntimeException e) {
            List<String> lines = new ArrayList<>();
            profile.fields().forEachRemaining(f -> lines.add(f.getKey() + ": "
                    + (f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString())));
            return lines;
        }
    }

    private static String load(JsonNode node) {
        if (!(node instanceof ObjectNode l)) {
            return null;
        }
        try {
            ObjectNode copy = l.deepCopy();
            restoreNaN(copy, "load1", "load5", "load15");
            return LENIENT.treeToValue(copy, LoadSnapshot.class).describe();
        } catch (IOException | RuntimeException e) {
            return l.toString();
        }
    }

    private static void restoreNaN(ObjectNode n, String... fields) {
        for (String f : fields) {
            if (n.path(f).isNull()) {
                n.put(f, Double.NaN);
            }
        }
    }

    private void kv(String key, String value) {
        if (value != null && !value.isBlank()) {
            out.append("<dt>").append(escape(key)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static String commandOf(JsonNode s) {
        String c = text(s, "command");
        if (c != null) {
            return c;
        }
        if (s.has("cells") && s.has("verdicts")) {
            return "transfer";
        }
        JsonNode cl = s.get("commandLine");
        if (cl != null && cl.isArray() && cl.size() > 1) {
            return cl.get(1).asText();
        }
        return "run";
    }

    private String mode() {
        String m = text(s, "mode");
        if (m == null && analysis != null) {
            m = text(analysis, "mode");
        }
        if (m == null && s.path("cells").isArray()) {
            List<String> modes = new ArrayList<>();
            for (JsonNode c : s.get("cells")) {
                String cm = text(c, "mode");
                if (cm != null && !modes.contains(cm)) {
                    modes.add(cm);
                }
            }
            m = modes.isEmpty() ? null : String.join(" and ", modes);
        }
        return m;
    }

    /** One argument per word, quoted for a POSIX shell where needed. */
    static String shellJoin(List<String> args) {
        List<String> quoted = new ArrayList<>();
        for (String a : args) {
            quoted.add(SHELL_SAFE.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return String.join(" ", quoted);
    }

    private static java.util.Optional<String> duration(String start, String end) {
        if (start == null || end == null) {
            return java.util.Optional.empty();
        }
        try {
            Duration d = Duration.between(Instant.parse(start), Instant.parse(end));
            double sec = d.toNanos() / 1e9;
            return java.util.Optional.of(sec < 120 ? fmt("%.1f s", sec) : fmt("%d min %02d s", (long) sec / 60, (long) sec % 60));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static JsonNode obj(JsonNode n) {
        return n != null && n.isObject() ? n : null;
    }

    private static boolean nonEmpty(JsonNode n) {
        return n != null && n.isArray() && !n.isEmpty();
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    static double dbl(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static String joinValues(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(v -> parts.add(v.asText()));
        return String.join(", ", parts);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static String sec(double s) {
        if (!Double.isFinite(s)) {
            return "-";
        }
        return s < 0.01 ? fmt("%.5f", s) : s < 10 ? fmt("%.3f", s) : fmt("%.2f", s);
    }

    static String ms(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "-";
        }
        double m = seconds * 1000;
        double a = Math.abs(m);
        return a >= 100 ? fmt("%.1f", m) : a >= 1 ? fmt("%.3f", m) : fmt("%.4f", m);
    }

    static String pct(double fraction) {
        return Double.isFinite(fraction) ? fmt("%.1f%%", fraction * 100) : "-";
    }

    static String num(double v, int decimals) {
        return Double.isFinite(v) ? fmt("%." + decimals + "f", v) : "-";
    }

    private static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "-";
        }
        if (seconds == 0) {
            return "0";
        }
        if (seconds < 1e-3) {
            return fmt("%.0fus", seconds * 1e6);
        }
        return seconds < 1 ? fmt("%.0fms", seconds * 1e3) : fmt("%.3gs", seconds);
    }

    private static String bytes(long b) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = b;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? b + " B" : (v == Math.rint(v) ? fmt("%.0f %s", v, units[u]) : fmt("%.1f %s", v, units[u]));
    }

    private static String verdictClass(String verdict) {
        if (verdict == null) {
            return "neutral";
        }
        return switch (verdict.toLowerCase(Locale.ROOT)) {
            case "ok" -> "good";
            case "worse" -> "bad";
            default -> "warn";
        };
    }

    static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").trim();
    }

    private static Cell cell(Object text) {
        String t = text == null ? "-" : String.valueOf(text);
        return new Cell(t, NUMERIC.matcher(t).matches() ? "n" : null);
    }

    /** One table cell: its text (escaped when rendered) and a CSS class chosen by this class, never by data. */
    private record Cell(String text, String cls) {
    }

    /** An HTML table whose cells are escaped on output. */
    private static final class HtmlTable {
        private final String[] headers;
        private final List<Cell[]> rows = new ArrayList<>();

        HtmlTable(String... headers) {
            this.headers = headers;
        }

        void row(Cell... cells) {
            rows.add(cells);
        }

        /** A column whose cells are all right-aligned numbers gets a right-aligned header. */
        private boolean numeric(int column) {
            return !rows.isEmpty() && rows.stream().allMatch(r -> column < r.length && r[column].cls() != null
                    && (r[column].cls().equals("n") || r[column].cls().startsWith("n ")));
        }

        void render(StringBuilder out) {
            out.append("<div class=\"table\"><table>\n<thead><tr>");
            for (int i = 0; i < headers.length; i++) {
                out.append(numeric(i) ? "<th class=\"n\">" : "<th>").append(escape(headers[i])).append("</th>");
            }
            out.append("</tr></thead>\n<tbody>\n");
            for (Cell[] r : rows) {
                out.append("<tr>");
                for (Cell c : r) {
                    boolean badge = c.cls() != null && c.cls().startsWith("badge");
                    out.append(c.cls() == null || badge ? "<td>" : "<td class=\"" + c.cls() + "\">");
                    if (badge) {
                        out.append("<span class=\"").append(c.cls()).append("\">").append(escape(c.text())).append("</span>");
                    } else {
                        out.append(escape(c.text() == null ? "-" : c.text()));
                    }
                    out.append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</tbody>\n</table></div>\n");
        }
    }

    /**
     * The page's Content-Security-Policy, first thing in its head: no script, no fetch, no frame, no form
     * submission, no base URL; only inline styles and data: images. A second line behind the sanitising.
     */
    static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'; "
            + "base-uri 'none'";

    private static final String CSS = """
            :root{--fg:#1d2330;--muted:#5d6678;--line:#dfe3ea;--bg:#f6f7f9;--card:#fff;--accent:#2454c5;\
            --good:#17753a;--good-bg:#e3f4e8;--bad:#b42318;--bad-bg:#fde8e6;--warn:#8a5a00;--warn-bg:#fff4d6}
            *{box-sizing:border-box}
            html{font-size:15px}
            body{margin:0;background:var(--bg);color:var(--fg);line-height:1.5;\
            font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
            header{background:#1d2330;color:#fff;padding:1.4rem max(1.5rem,calc((100% - 1260px)/2 + 1.5rem)) .9rem}
            header h1{margin:0;font-size:1.7rem;font-weight:650;letter-spacing:.01em}
            header h1 .tool{color:#9db7ff;font-weight:500}
            header h1 .runid{font-size:1rem;font-weight:400;color:#c3cad8;margin-left:.5rem;\
            font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            header .sub{margin:.4rem 0 .8rem;color:#d5dbe6}
            header .sub b{color:#fff;font-weight:600}
            nav{display:flex;flex-wrap:wrap;gap:.3rem}
            nav a{color:#d5dbe6;text-decoration:none;padding:.15rem .6rem;border:1px solid #3b4458;border-radius:999px;\
            font-size:.85rem}
            nav a:hover{background:#2d3547;color:#fff}
            main{max-width:1260px;margin:0 auto;padding:1rem 1.5rem 2rem}
            section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1rem 1.3rem;\
            margin:1rem 0;box-shadow:0 1px 2px rgba(20,30,50,.04)}
            h2{font-size:1.2rem;margin:0 0 .7rem;padding-bottom:.4rem;border-bottom:1px solid var(--line)}
            h3{font-size:1.02rem;margin:1.1rem 0 .3rem}
            .verdict{border-left:5px solid var(--accent);padding:.4rem 1rem;margin:.4rem 0;background:#f3f6fd;\
            border-radius:0 8px 8px 0}
            .verdict.good{border-color:var(--good);background:#f1faf4}
            .verdict.warn{border-color:#d19a00;background:#fffaf0}
            .verdict h3{margin-top:.3rem}
            .big{font-size:1.35rem;margin:.2rem 0}
            .explanation{max-width:75em}
            ul{margin:.3rem 0;padding-left:1.3rem}
            ul.facts li,ul.notes li{margin:.15rem 0}
            ul.warnings{background:var(--warn-bg);color:#5c3d00;border:1px solid #f1d58a;border-left:5px solid #d19a00;\
            border-radius:0 8px 8px 0;padding:.5rem 1rem .5rem 2.2rem}
            ul.warnings li{margin:.12rem 0}
            ul.failures li{color:var(--bad)}
            ul.machine{list-style:none;padding:0;columns:2 30em;column-gap:2rem}
            ul.machine li{break-inside:avoid;margin:.1rem 0}
            .caption{color:var(--muted);margin:.2rem 0 .5rem;font-size:.92rem}
            .table{overflow-x:auto;margin:.4rem 0 .8rem}
            table{border-collapse:collapse;font-size:.88rem;min-width:50%}
            th,td{padding:.3rem .55rem;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
            th{background:#eef1f6;font-weight:600;vertical-align:bottom}
            tbody tr:nth-child(even){background:#fafbfc}
            tbody tr:hover{background:#eef4ff}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            th.n{text-align:right}
            td.wrap{white-space:normal;min-width:20em}
            td.bad{color:var(--bad);font-weight:600}
            td.good{color:var(--good)}
            .badge{display:inline-block;padding:0 .5rem;border-radius:999px;font-size:.82rem;font-weight:600;\
            background:#e6e9ef;color:var(--fg)}
            .badge.good{background:var(--good-bg);color:var(--good)}
            .badge.bad{background:var(--bad-bg);color:var(--bad)}
            .badge.warn{background:var(--warn-bg);color:var(--warn)}
            .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,760px),1fr));gap:1rem}
            figure.chart{margin:0 auto;width:100%;max-width:920px;border:1px solid var(--line);border-radius:8px;\
            padding:.5rem;background:#fff}
            figure.chart svg{display:block;width:100%;height:auto}
            figcaption{color:var(--muted);font-size:.85rem;margin-top:.3rem;text-align:center}
            .missing{color:var(--bad)}
            dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.2rem;margin:0}
            dl.kv dt{color:var(--muted)}
            dl.kv dd{margin:0;overflow-wrap:anywhere}
            code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.86em;background:#f0f2f6;\
            padding:.05rem .3rem;border-radius:4px}
            code.cmd{display:inline-block;white-space:pre-wrap;overflow-wrap:anywhere}
            details summary{cursor:pointer;color:var(--accent);margin:.3rem 0}
            footer{max-width:1260px;margin:0 auto;padding:0 1.5rem 2rem;color:var(--muted);font-size:.85rem}
            @media print{body{background:#fff}header{background:#fff;color:#000}nav{display:none}\
            section{box-shadow:none;break-inside:avoid}}
            """;
}
