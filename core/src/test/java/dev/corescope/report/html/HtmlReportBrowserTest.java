package dev.corescope.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corescope.Corescope;
import dev.corescope.experiment.InvestigateReport;
import dev.corescope.report.ThresholdCharts;
import dev.corescope.store.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report opened in a real browser: Debian's headless Chromium loads {@code report.html} from a real run
 * and must render it (DOM with the headings and every chart's {@code <svg>}, a non-blank screenshot), print
 * nothing on its console and fetch nothing. A probe page with a console error and a remote image first shows
 * that these checks can see both. Skipped without {@code /usr/bin/chromium} unless {@code CI} is set: CI
 * installs it ({@code .ci/run}), so there a missing browser fails.
 */
class HtmlReportBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern CONSOLE = Pattern.compile("CONSOLE[:(]|Uncaught");

    @BeforeAll
    static void chromiumPresent() {
        if (Files.isExecutable(CHROMIUM)) {
            return;
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            fail("CI is set but " + CHROMIUM + " is missing: .ci/run installs Debian's chromium package");
        }
        Assumptions.abort(CHROMIUM + " not installed (apt-get install chromium): browser test skipped outside CI");
    }

    /** What one Chromium run saw. */
    record Visit(String dom, List<String> consoleLines, List<String> pageRequests, int exit) {
    }

    /** Loads the page headless, with console logging and a net log; nothing can leave the machine (no DNS). */
    static Visit visit(Path page, Path work, String... extra) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path netLog = work.resolve("netlog.json");
        Path stdout = work.resolve("stdout.txt");
        Path stderr = work.resolve("stderr.txt");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + work.resolve("profile"), "--host-resolver-rules=MAP * ~NOTFOUND",
                "--enable-logging=stderr", "--v=0", "--log-net-log=" + netLog));
        cmd.addAll(List.of(extra));
        cmd.add(page.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("chromium did not finish within 120 s: " + String.join(" ", cmd));
        }
        List<String> console = Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
                .filter(l -> CONSOLE.matcher(l).find()).toList();
        return new Visit(Files.readString(stdout, StandardCharsets.UTF_8), console, pageRequests(netLog), p.exitValue());
    }

    /**
     * URLs the page itself asked for (not file:), from Chromium's net log: request jobs whose network isolation key
     * is the page's file:// origin. The browser's own background requests have other keys.
     */
    static List<String> pageRequests(Path netLog) throws IOException {
        if (!Files.exists(netLog)) {
            return List.of("(no net log written)");
        }
        String text = Files.readString(netLog, StandardCharsets.UTF_8).strip();
        JsonNode log;
        try {
            log = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            // A log cut short at exit lacks its closing brackets.
            log = Json.MAPPER.readTree(text.replaceAll(",\\s*$", "") + "]}");
        }
        int startJob = log.path("constants").path("logEventTypes").path("URL_REQUEST_START_JOB").asInt(-1);
        List<String> urls = new ArrayList<>();
        for (JsonNode e : log.path("events")) {
            JsonNode params = e.path("params");
            String url = params.path("url").asText("");
            if (e.path("type").asInt() == startJob && params.path("network_isolation_key").asText("").contains("file://")
                    && !url.startsWith("file:") && !url.startsWith("data:")) {
                urls.add(url);
            }
        }
        return urls;
    }

    static void assertRendersCleanly(Path runDir, Path work, String... headings) throws Exception {
        Path report = HtmlReport.write(runDir);
        List<String> charts;
        try (Stream<Path> files = Files.list(runDir)) {
            charts = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".svg")).sorted().toList();
        }
        assertThat(charts).as("the run wrote charts").isNotEmpty();

        Visit v = visit(report, work.resolve("dom"), "--dump-dom");
        assertThat(v.exit()).isZero();
        assertThat(v.consoleLines()).as("console messages").isEmpty();
        assertThat(v.pageRequests()).as("requests made by the page").isEmpty();
        assertThat(v.dom()).contains("<h1>").contains("<h2>Charts</h2>").contains("<h2>Machine</h2>");
        for (String h : headings) {
            assertThat(v.dom()).contains(h);
        }
        assertThat(HtmlReportTest.count(v.dom(), "<figure class=\"chart\">")).isEqualTo(charts.size());
        assertThat(HtmlReportTest.count(v.dom(), "<svg")).as("an <svg> per chart in the DOM").isEqualTo(charts.size());
        assertThat(v.dom()).doesNotContain("could not be inlined");
        for (String c : charts) {
            assertThat(v.dom()).contains("<code>" + c + "</code>");
        }

        Path shot = work.resolve("shot.png");
        Visit s = visit(report, work.resolve("shot"), "--screenshot=" + shot, "--window-size=1280,2000",
                "--hide-scrollbars");
        assertThat(s.exit()).isZero();
        assertThat(s.consoleLines()).isEmpty();
        assertThat(shot).exists();
        BufferedImage img = ImageIO.read(shot.toFile());
        assertThat(img).as("a PNG screenshot").isNotNull();
        assertThat(img.getWidth()).isEqualTo(1280);
        assertThat(img.getHeight()).isEqualTo(2000);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours: a rendered page, not a blank one").isGreaterThan(50);
        // The dark page header is at the top.
        int header = img.getRGB(640, 10);
        assertThat(((header >> 16) & 0xff) + ((header >> 8) & 0xff) + (header & 0xff)).isLessThan(200);
    }

    @Test
    void theChecksSeeConsoleErrorsAndFetches(@TempDir Path tmp) throws Exception {
        Path probe = tmp.resolve("probe.html");
        Files.writeString(probe, "<!DOCTYPE html><html lang=\"en\"><head><title>probe</title></head><body><p>probe</p>"
                + "<img alt=\"\" src=\"http://probe.invalid/pixel.png\"><script>console.error('probe-error');</script>"
                + "</body></html>");
        Visit v = visit(probe, tmp.resolve("probe"), "--dump-dom");
        assertThat(v.dom()).contains("<p>probe</p>");
        assertThat(v.consoleLines()).as("console lines on stderr").anyMatch(l -> l.contains("probe-error"));
        assertThat(v.pageRequests()).as("the page's request in the net log").contains("http://probe.invalid/pixel.png");
    }

    @Test
    void aSweepReportRendersWithItsChartsAndNoConsoleErrors(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("sweep");
        Corescope.sweep().max(2).target(Duration.ofMillis(20)).out(run).run();
        assertRendersCleanly(run, tmp, "<h2>Results</h2>", ">speedup</th>");
    }

    @Test
    void anInvestigateReportRendersWithItsVerdictAndCharts(@TempDir Path tmp) throws Exception {
        // A real investigate summary (fixture) with its real charts drawn again from the summary's analysis.
        Path run = HtmlReportTest.fixture("investigate", tmp);
        try (Stream<Path> svgs = Files.list(run)) {
            for (Path f : svgs.filter(f -> f.toString().endsWith(".svg")).toList()) {
                Files.delete(f);
            }
        }
        JsonNode analysis = HtmlReportTest.summary(run).get("analysis");
        ThresholdCharts.write(Json.MAPPER.treeToValue(analysis, InvestigateReport.class), java.util.List.of(), run);
        assertRendersCleanly(run, tmp, "<h2>Threshold verdict</h2>", "Threshold: <b>", ">verdict</th>");
    }

    /** Chart files that try to get out of the {@code <svg>}: each would navigate, run script or fetch. */
    static final List<String> HOSTILE_SVGS = List.of(
            // <p> makes an HTML parser leave the <svg>: what follows lands in the page
            "<p>breakout-p<meta http-equiv=\"refresh\" content=\"0;url=pwned.html\"/></p>",
            "<meta http-equiv=\"refresh\" content=\"0;url=pwned.html\"/>",
            "<p/><form action=\"javascript:console.log('PWNED-FORM')\"><input type=\"submit\" value=\"go\" autofocus=\"\"/>"
                    + "</form><link rel=\"stylesheet\" href=\"http://probe.invalid/link.css\"/>",
            "<script>console.log('PWNED-SCRIPT')</script><rect width=\"1\" height=\"1\" onmouseover=\"console.log(1)\"/>",
            "<foreignObject width=\"10\" height=\"10\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                    + "<img src=\"http://probe.invalid/fo.png\" onerror=\"console.log('PWNED-FO')\"/></div></foreignObject>",
            "<a href=\"javascript:console.log('PWNED-A')\"><text x=\"1\" y=\"5\">link</text></a>"
                    + "<image href=\"http://probe.invalid/image.png\" width=\"5\" height=\"5\"/>"
                    + "<use xlink:href=\"pwned.html#x\"/>",
            "<style>@import url(http://probe.invalid/import.css);</style>"
                    + "<rect width=\"5\" height=\"5\" style=\"fill:url(http://probe.invalid/fill.svg#p)\"/>"
                    + "<rect width=\"5\" height=\"5\" fill=\"url(http://probe.invalid/attr.svg#p)\"/>",
            "<set attributeName=\"href\" to=\"javascript:console.log('PWNED-SET')\"/>"
                    + "<animate attributeName=\"fill\" values=\"red;blue\" dur=\"1s\" onbegin=\"console.log('PWNED-ANIM')\"/>");

    @Test
    void hostileChartsNeitherNavigateNorRunScriptNorFetch(@TempDir Path tmp) throws Exception {
        Path run = HtmlReportTest.fixture("sweep", tmp);
        for (int i = 0; i < HOSTILE_SVGS.size(); i++) {
            Files.writeString(run.resolve("hostile-" + i + ".svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                    + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\" "
                    + "onload=\"console.log('PWNED-ONLOAD')\">" + HOSTILE_SVGS.get(i) + "</svg>");
        }
        // where the refreshes would go: a page that says so on the console
        Files.writeString(run.resolve("pwned.html"), "<!DOCTYPE html><html><head><title>pwned</title></head><body>"
                + "<p>PWNED-PAGE</p><script>console.log('PWNED-NAVIGATED')</script></body></html>");
        Path report = HtmlReport.write(run);

        // the virtual time budget lets timers and refreshes run before the DOM is dumped
        Visit v = visit(report, tmp.resolve("hostile"), "--dump-dom", "--virtual-time-budget=3000");

        assertThat(v.exit()).isZero();
        assertThat(v.consoleLines()).as("console messages (a script ran)").isEmpty();
        assertThat(v.pageRequests()).as("requests made by the page").isEmpty();
        assertThat(v.dom()).as("still the report, not pwned.html").contains("<h2>Charts</h2>").doesNotContain("PWNED");
        String dom = v.dom().toLowerCase(java.util.Locale.ROOT);
        assertThat(dom).doesNotContain("<form").doesNotContain("<meta http-equiv=\"refresh\"").doesNotContain("breakout")
                .doesNotContain("javascript:").doesNotContain("<foreignobject").doesNotContain("probe.invalid")
                .doesNotContain("<script").doesNotContain("onload").doesNotContain("<link").doesNotContain("<set")
                .doesNotContain("<animate").doesNotContain(">link<").doesNotContain("<image");
        // every chart, hostile or not, is still one <svg> in its figure; the normal ones keep their drawing
        assertThat(HtmlReportTest.count(v.dom(), "<svg")).isEqualTo(HOSTILE_SVGS.size() + 2);
        assertThat(HtmlReportTest.count(v.dom(), "<path ")).isGreaterThanOrEqualTo(2);
        assertThat(v.dom()).contains("fixture chart total-time").contains("clip-path=\"url(#c");
    }

    @Test
    void theContentSecurityPolicyStopsWhatASanitiserMightMiss(@TempDir Path tmp) throws Exception {
        Path run = HtmlReportTest.fixture("sweep", tmp);
        Path report = HtmlReport.write(run);
        String html = Files.readString(report);
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "img-src data:; style-src 'unsafe-inline'");
        // as if markup had got through: inline script, an event handler, a remote image and stylesheet
        Files.writeString(report, html.replace("</body>", "<script>console.log('INJECTED-SCRIPT')</script>"
                + "<img alt=\"\" src=\"http://probe.invalid/injected.png\" onerror=\"console.log('INJECTED-HANDLER')\">"
                + "<img alt=\"\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">"
                + "<link rel=\"stylesheet\" href=\"http://probe.invalid/injected.css\"></body>"));

        Visit v = visit(report, tmp.resolve("csp"), "--dump-dom", "--virtual-time-budget=3000");

        assertThat(v.consoleLines()).as("console").noneMatch(l -> l.contains("INJECTED"))
                .anyMatch(l -> l.contains("Content Security Policy"));
        assertThat(v.pageRequests()).as("requests made by the page").isEmpty();
        assertThat(v.dom()).contains("<h2>Charts</h2>");
    }
}
