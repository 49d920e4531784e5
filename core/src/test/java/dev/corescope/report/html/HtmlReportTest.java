package dev.corescope.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corescope.store.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTML report, built from real run directories of every command (summary.json as written, records.jsonl
 * trimmed, small stand-in charts with the real files' prolog, DOCTYPE and root element) under
 * {@code src/test/resources/report-fixtures/}.
 */
class HtmlReportTest {
    static final String EVIL = "<script>alert(1)</script>&\"'";
    static final String EVIL_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;";
    private static final Set<String> VOID = Set.of("meta", "br", "hr", "img", "input", "link", "wbr", "col", "area",
            "base", "source", "track", "embed", "param");

    static Path fixture(String name, Path tmp) throws IOException {
        Path src;
        try {
            src = Path.of(HtmlReportTest.class.getResource("/report-fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path dst = tmp.resolve(name);
        Files.createDirectories(dst);
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.toList()) {
                Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
        return dst;
    }

    static JsonNode summary(Path dir) throws IOException {
        return Json.MAPPER.readTree(dir.resolve("summary.json").toFile());
    }

    @Test
    void escapeCoversTheFiveSpecialCharactersAndControlCharacters() {
        assertThat(HtmlReport.escape(EVIL)).isEqualTo(EVIL_ESCAPED);
        assertThat(HtmlReport.escape("a\u0000b\u0007c\td\ne")).isEqualTo("a\uFFFDb\uFFFDc\td\ne");
        assertThat(HtmlReport.escape(null)).isEmpty();
        assertThat(HtmlReport.escape("plain 1.5 µs — ok")).isEqualTo("plain 1.5 µs — ok");
    }

    @ParameterizedTest
    @ValueSource(strings = {"investigate", "run", "sweep", "rounds", "assess", "transfer"})
    void everyCommandsReportIsOneWellFormedSelfContainedPageWithEveryChart(String command, @TempDir Path tmp)
            throws IOException {
        Path dir = fixture(command, tmp);
        Path file = HtmlReport.write(dir);
        assertThat(file).isEqualTo(dir.resolve("report.html")).exists();
        String html = Files.readString(file, StandardCharsets.UTF_8);

        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
        assertThat(count(html, "<!DOCTYPE")).isEqualTo(1);
        assertThat(html).contains("<meta charset=\"utf-8\">").contains("<title>corescope " + command);
        assertThat(html).doesNotContain("<?xml").doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("<iframe").doesNotContain("@import").doesNotContain(" src=");
        assertNoExternalReferences(html);
        assertBalanced(html);
        assertIdsUniqueAndReferencesResolve(html);

        List<String> charts;
        try (Stream<Path> files = Files.list(dir)) {
            charts = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".svg")).sorted().toList();
        }
        assertThat(count(html, "<figure class=\"chart\">")).isEqualTo(charts.size());
        assertThat(count(html, "<svg")).isEqualTo(charts.size());
        for (String chart : charts) {
            assertThat(html).contains("fixture chart " + chart.replace(".svg", "")).contains("<code>" + chart + "</code>");
        }
    }

    @Test
    void investigateShowsTheVerdictItsExplanationTheLevelsAndTheMachine(@TempDir Path tmp) throws IOException {
        Path dir = fixture("investigate", tmp);
        JsonNode a = summary(dir).get("analysis");
        String html = HtmlReport.render(dir);
        int threshold = a.get("threshold").asInt();
        assertThat(html).contains("<h2>Threshold verdict</h2>")
                .contains("Threshold: <b>" + threshold + " worker" + (threshold == 1 ? "" : "s") + "</b>")
                .contains(HtmlReport.escape(a.get("explanation").asText()));
        // The explanation is also a note; it is shown once.
        assertThat(count(html, HtmlReport.escape(a.get("explanation").asText()))).isEqualTo(1);
        assertThat(html).contains(">ratio</th>").contains(">95% CI</th>").contains(">verdict</th>");
        for (JsonNode l : a.get("levels")) {
            assertThat(html).contains("<span class=\"badge " + ("ok".equals(l.get("verdict").asText()) ? "good" : "bad")
                    + "\">" + l.get("verdict").asText());
        }
        assertThat(html).contains("<h2>Machine</h2>").contains("<b>CPU</b> " + a.get("profile").get("cpuModel").asText())
                .contains("<b>Capacity key</b>").contains("<dt>Load before</dt>").contains("<dt>Load after</dt>")
                .contains("<dt>corescope version</dt>").contains("<dt>Command line</dt>");
        for (JsonNode w : summary(dir).get("warnings")) {
            assertThat(html).contains("<li>" + HtmlReport.escape(w.asText()) + "</li>");
        }
        // the investigate levels table replaces the generic per-level one
        assertThat(html).doesNotContain(">efficiency</th>");
    }

    @Test
    void quotaWrittenAsNullReadsAsOnTheConsole(@TempDir Path tmp) throws IOException {
        // NaN/Infinity are written as null: an unlimited quota must read "none", not "0.00 CPUs".
        Path dir = fixture("sweep", tmp);
        String html = HtmlReport.render(dir);
        assertThat(html).contains("<b>CPU quota</b> none");
    }

    @Test
    void sweepRunAndRoundsShowTheLevelTable(@TempDir Path tmp) throws IOException {
        String sweep = HtmlReport.render(fixture("sweep", tmp));
        assertThat(sweep).contains(">workers</th>").contains(">speedup</th>").contains(">efficiency</th>")
                .doesNotContain("<th>experiment</th><th class=\"n\">workers</th>");
        assertThat(sweep).doesNotContain("Threshold verdict");

        Path rounds = fixture("rounds", tmp);
        String r = HtmlReport.render(rounds);
        // two strategies: the table names each row's experiment
        assertThat(r).contains("<th>experiment</th><th class=\"n\">workers</th>").contains("<td>queue</td>").contains("<td>rounds</td>");
        for (JsonNode note : summary(rounds).get("notes")) {
            assertThat(r).contains(HtmlReport.escape(note.asText()));
        }

        String run = HtmlReport.render(fixture("run", tmp));
        assertThat(run).contains("<h2>Results</h2>").contains("<summary>Every task</summary>").doesNotContain("<h2>Charts</h2>");
    }

    @Test
    void assessShowsPerSizeStatisticsTheFitAndTheVerification(@TempDir Path tmp) throws IOException {
        Path dir = fixture("assess", tmp);
        JsonNode a = summary(dir).get("analysis");
        String html = HtmlReport.render(dir);
        assertThat(html).contains("<h2>Assessment</h2>").contains("<h3>Complexity fit</h3>")
                .contains("<h3>Verification against one worker</h3>").contains("<h3>Batches</h3>");
        for (JsonNode alg : a.get("algorithms")) {
            assertThat(html).contains("<h3>" + alg.get("algorithm").asText() + "</h3>")
                    .contains("<td>" + alg.get("fit").get("bestModel").asText() + "</td>");
        }
        assertThat(html).contains(">95% CI of mean (ms)</th>").contains(">mean ratio P/1</th>")
                .contains(HtmlReport.escape(a.get("speedupNote").asText()));
    }

    @Test
    void transferShowsTheVerdictsTheCellsAndNoMachineItDidNotRecord(@TempDir Path tmp) throws IOException {
        Path dir = fixture("transfer", tmp);
        JsonNode s = summary(dir);
        String html = HtmlReport.render(dir);
        assertThat(html).contains("<title>corescope transfer").contains("<h2>When parallelism pays</h2>")
                .contains(">speedup</th>").contains(">deserialize</th>").contains("mode <b>threads and processes</b>");
        for (JsonNode v : s.get("verdicts")) {
            assertThat(html).contains(HtmlReport.escape(v.get("conclusion").asText()));
        }
        assertThat(count(html, "<td>threads</td>") + count(html, "<td>processes</td>")).isEqualTo(s.get("cells").size());
        assertThat(html).doesNotContain("<h2>Machine</h2>");
    }

    @Test
    void everyDataStringIsEscaped(@TempDir Path tmp) throws IOException {
        Path dir = fixture("sweep", tmp);
        ObjectNode s = (ObjectNode) summary(dir);
        ArrayNode cl = s.putArray("commandLine");
        cl.add("corescope").add("sweep").add("--out").add(EVIL);
        s.put("runId", EVIL);
        s.put("workload", EVIL);
        s.put("mode", EVIL);
        s.put("startedAt", EVIL);
        s.putArray("notes").add("note " + EVIL);
        s.putArray("warnings").add("warning " + EVIL);
        s.putArray("events").add("event " + EVIL);
        s.put("failures", 1);
        s.putArray("failureReasons").add("reason " + EVIL);
        ((ObjectNode) s.get("levels").get(0)).put("experiment", EVIL);
        ObjectNode meta = (ObjectNode) s.get("metadata");
        meta.put("corescopeVersion", EVIL);
        ((ObjectNode) meta.get("profile")).put("cpuModel", EVIL).put("hostname", EVIL);
        Files.writeString(dir.resolve("summary.json"), Json.MAPPER.writeValueAsString(s));
        // an investigation's analysis, on an investigate summary (a sweep's summary has none)
        Path inv = fixture("investigate", tmp);
        ObjectNode is = (ObjectNode) summary(inv);
        ObjectNode analysis = is.putObject("analysis");
        analysis.put("threshold", 2).put("explanation", "explained " + EVIL).put("mode", EVIL).put("predictedBy", EVIL);
        analysis.putArray("levels").addObject().put("workers", 1).put("verdict", EVIL);
        Files.writeString(inv.resolve("summary.json"), Json.MAPPER.writeValueAsString(is));
        ObjectNode rec = (ObjectNode) Json.MAPPER.readTree(Files.readAllLines(dir.resolve("records.jsonl")).get(0));
        rec.put("status", "failed").put("error", "boom " + EVIL).put("workerId", EVIL).put("experiment", EVIL);
        Files.writeString(dir.resolve("records.jsonl"), Json.LINE.writeValueAsString(rec) + "\n");
        Files.writeString(dir.resolve("a<b>&'\".svg"), Files.readString(dir.resolve("total-time.svg")));

        String investigated = HtmlReport.render(inv);
        String html = HtmlReport.render(dir) + investigated;
        assertThat(html).doesNotContain(EVIL).doesNotContain("<script").doesNotContain("alert(1)</")
                .doesNotContain("a<b>");
        assertThat(investigated).contains("explained " + EVIL_ESCAPED).contains("<span class=\"badge warn\">" + EVIL_ESCAPED);
        // every place a string from the run appears, it appears escaped
        for (String place : List.of("<title>corescope sweep — " + EVIL_ESCAPED, "workload <b>" + EVIL_ESCAPED,
                "note " + EVIL_ESCAPED, "warning " + EVIL_ESCAPED, "event " + EVIL_ESCAPED, "reason " + EVIL_ESCAPED,
                "boom " + EVIL_ESCAPED, "explained " + EVIL_ESCAPED, "<td>" + EVIL_ESCAPED + "</td>",
                "--out &#39;&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;\\&#39;&#39;&#39;", "a&lt;b&gt;&amp;&#39;&quot;.svg",
                "<b>CPU</b> " + EVIL_ESCAPED)) {
            assertThat(html).contains(place);
        }
        assertThat(count(html, EVIL_ESCAPED)).isGreaterThanOrEqualTo(15);
        assertBalanced(html);
    }

    @Test
    void activeOrExternalSvgContentIsRemovedAndNoEntityIsExpanded(@TempDir Path tmp) throws IOException {
        Path dir = fixture("sweep", tmp);
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        Files.writeString(dir.resolve("total-time.svg"), """
                <?xml version="1.0"?>
                <!DOCTYPE svg [<!ENTITY leak SYSTEM "%s">]>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"
                     onload="alert(1)">
                  <script>alert(2)</script>
                  <style>@import url(http://evil.example/x.css); svg{display:none}</style>
                  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">html</div></foreignObject>
                  <a xlink:href="javascript:alert(3)"><text x="1" y="5">&leak;</text></a>
                  <image href="http://evil.example/pixel.png" width="1" height="1"/>
                  <rect id="r" width="1" height="1" style="fill:url(http://evil.example/f.svg#p)" onclick="alert(4)"/>
                  <use xlink:href="#r"/>
                  <set attributeName="href" to="javascript:alert(5)"/>
                  <!-- a comment -->
                </svg>
                """.formatted(secret.toUri()));
        String html = HtmlReport.render(dir);
        String lower = html.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("<script").doesNotContain("onload").doesNotContain("onclick")
                .doesNotContain("alert(").doesNotContain("javascript:").doesNotContain("evil.example")
                .doesNotContain("foreignobject").doesNotContain("<style>@import").doesNotContain("a comment")
                .doesNotContain("<set");
        assertThat(html).doesNotContain("TOP-SECRET-CONTENT");
        assertThat(count(html, "<svg")).isEqualTo(2);
        assertIdsUniqueAndReferencesResolve(html);
    }

    @Test
    void onlyAllowListedSvgElementsAttributesAndStyleDeclarationsSurvive() {
        String svg = SvgInline.inline("""
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml" viewBox="0 0 10 10"
                     width="10px" height="10px" x="0" y="0">
                  <defs><clipPath id="clip1"><rect width="5" height="5"/></clipPath></defs>
                  <p>out of the svg</p><h:div>xhtml</h:div><title>a chart</title>
                  <g transform="translate(1 2)" clip-path="url(#clip1)" fill="url(#nowhere&quot;)" data-x="1">
                    <path d="M0,0 L1,1" style="fill:rgb(1,2,3);behavior:url(x.htc);stroke:expression(alert(1));                stroke-width:2;font-family:&quot;Dialog&quot;;-moz-binding:url(x.xml);stroke-linecap:square"/>
                    <text x="1" y="2" style="font-size:3px">a &lt;b&gt; &amp; c</text>
                    <rect id="bad id" width="1" height="1" transform="expression(1)"/>
                  </g>
                </svg>""", "c1-");
        assertThat(svg.replaceAll(">\\s+<", "><")).isEqualTo("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
                + "<defs><clipPath id=\"c1-clip1\"><rect height=\"5\" width=\"5\"></rect></clipPath></defs>"
                + "<title>a chart</title>"
                + "<g clip-path=\"url(#c1-clip1)\" transform=\"translate(1 2)\">"
                + "<path d=\"M0,0 L1,1\" style=\"fill:rgb(1,2,3);stroke-width:2;font-family:&quot;Dialog&quot;;"
                + "stroke-linecap:square;\"></path>"
                + "<text style=\"font-size:3px;\" x=\"1\" y=\"2\">a &lt;b&gt; &amp; c</text>"
                + "<rect height=\"1\" width=\"1\"></rect></g></svg>"); // attributes in the DOM's (alphabetical) order
    }

    @Test
    void aChartThatIsNotSvgIsReportedNotInlined(@TempDir Path tmp) throws IOException {
        Path dir = fixture("sweep", tmp);
        Files.writeString(dir.resolve("broken.svg"), "<svg><g></svg>");
        Files.writeString(dir.resolve("other.svg"), "<html><body>not a chart</body></html>");
        String html = HtmlReport.render(dir);
        assertThat(count(html, "<figure class=\"chart\">")).isEqualTo(4);
        assertThat(count(html, "<svg")).isEqualTo(2);
        assertThat(count(html, "This chart could not be inlined")).isEqualTo(2);
        assertThat(html).doesNotContain("not a chart</body>");
        assertBalanced(html);
    }

    @Test
    void recordsAreOptionalAndUnreadableLinesAreCounted(@TempDir Path tmp) throws IOException {
        Path dir = fixture("sweep", tmp);
        Files.delete(dir.resolve("records.jsonl"));
        String without = HtmlReport.render(dir);
        assertThat(without).doesNotContain("<h2>Tasks</h2>").contains("<h2>Results</h2>");

        Files.writeString(dir.resolve("records.jsonl"),
                "{\"experiment\":\"sweep\",\"status\":\"ok\",\"level\":1,\"wallNanos\":1000000}\n{\"truncat");
        String partial = HtmlReport.render(dir);
        assertThat(partial).contains("<h2>Tasks</h2>").contains("1 line(s) of <code>records.jsonl</code> could not be read");
    }

    @Test
    void aDirectoryThatIsNotARunIsRefusedWithAOneLineReason(@TempDir Path tmp) throws IOException {
        assertThatThrownBy(() -> HtmlReport.write(tmp.resolve("missing"))).isInstanceOf(HtmlReport.NotARun.class)
                .hasMessageContaining("is not a directory");
        assertThatThrownBy(() -> HtmlReport.write(tmp)).isInstanceOf(HtmlReport.NotARun.class)
                .hasMessageContaining("has no summary.json");
        Files.writeString(tmp.resolve("summary.json"), "{\"runId\": ");
        assertThatThrownBy(() -> HtmlReport.write(tmp)).isInstanceOf(HtmlReport.NotARun.class)
                .hasMessageContaining("is not valid JSON").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(tmp.resolve("report.html")).doesNotExist();
    }

    @Test
    void shellJoinQuotesOnlyWhatNeedsIt() {
        assertThat(RunSection.shellJoin(List.of("corescope", "assess", "-n", "50..150:50", "--cmd", "sort -n {n}", "it's")))
                .isEqualTo("corescope assess -n 50..150:50 --cmd 'sort -n {n}' 'it'\\''s'");
    }

    // ------------------------------------------------------------------------------------------------ checks

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** No URL the browser could fetch: http(s) appears only as XML namespace names. */
    static void assertNoExternalReferences(String html) {
        Matcher m = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}[^\"'\\s)<]*").matcher(html);
        while (m.find()) {
            String url = m.group();
            assertThat(url).as("only XML namespace names may name a host")
                    .matches("http://www\\.w3\\.org/(2000/svg|1999/xlink|1999/xhtml)");
            String before = html.substring(Math.max(0, m.start() - 20), m.start());
            assertThat(before).as("namespace attribute before " + url).matches("(?s).*xmlns(:xlink)?=\"$");
        }
    }

    /** Every element that is opened is closed, in order (SVG's self-closed elements included). */
    static void assertBalanced(String html) {
        String body = html.replaceAll("(?s)<style>.*?</style>", "<style></style>").replaceFirst("<!DOCTYPE html>", "");
        Matcher m = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:\"[^\"]*\"|[^\">])*?)(/?)>").matcher(body);
        Deque<String> open = new ArrayDeque<>();
        while (m.find()) {
            String name = m.group(2).toLowerCase(Locale.ROOT);
            boolean closing = !m.group(1).isEmpty();
            boolean selfClosed = !m.group(4).isEmpty();
            if (closing) {
                assertThat(open).as("closing </" + name + "> at " + m.start()).isNotEmpty();
                assertThat(open.pop()).as("closing </" + name + "> at " + m.start()).isEqualTo(name);
            } else if (!selfClosed && !VOID.contains(name)) {
                open.push(name);
            }
        }
        assertThat(open).as("unclosed elements").isEmpty();
        assertThat(body.replaceAll("<[^>]*>", "")).as("text has no raw '<'").doesNotContain("<");
    }

    /** Ids are unique in the page (charts of one run may use the same ids) and every url(#id)/href="#id" exists. */
    static void assertIdsUniqueAndReferencesResolve(String html) {
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        Set<String> seen = new HashSet<>();
        List<String> dup = new ArrayList<>();
        while (ids.find()) {
            if (!seen.add(ids.group(1))) {
                dup.add(ids.group(1));
            }
        }
        assertThat(dup).as("duplicate ids").isEmpty();
        Matcher refs = Pattern.compile("url\\(#([^)]+)\\)|href=\"#([^\"]+)\"").matcher(html);
        while (refs.find()) {
            String ref = refs.group(1) != null ? refs.group(1) : refs.group(2);
            assertThat(seen).as("reference #" + ref).contains(ref);
        }
    }
}
