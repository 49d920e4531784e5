package dev.corescope.report.html;

import dev.corescope.store.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of {@code report.html}: the head (charset, the Content-Security-Policy first, the inline
 * style sheet {@code report.css}), a header with the title, badges and the navigation to the sections
 * present, the sections in the order they were added, and a footer. One self-contained page: no script,
 * no external style sheet, font or image.
 */
final class Page {
    /**
     * The page's Content-Security-Policy, first thing in its head: no script, no fetch, no frame, no form
     * submission, no base URL; only inline styles and data: images. A second line behind the sanitising.
     */
    static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'; "
            + "base-uri 'none'";
    static final String CSS = css();

    private record Section(String id, String title, Html body) {
    }

    private final List<Section> sections = new ArrayList<>();

    /**
     * A new section: {@code body} fills it (escaping what comes from the run). A section left empty is
     * not shown, nor named in the navigation.
     */
    Html section(String id, String title) {
        Html body = new Html();
        sections.add(new Section(id, title, body));
        return body;
    }

    /**
     * The whole page.
     *
     * @param command  the title's command
     * @param runId    the run id, or null
     * @param subtitle the header's second line, markup (its run data escaped by the caller)
     * @param source   the run directory it was built from, for the footer
     */
    String render(String command, String runId, String subtitle, String source) {
        Html out = new Html(new StringBuilder(64 * 1024));
        out.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"").raw(CSP).raw("\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<meta name=\"generator\" content=\"corescope ").text(Version.current()).raw("\">\n")
                .raw("<title>corescope ").text(command).raw(runId == null ? "" : " — " + Html.escape(runId))
                .raw("</title>\n<style>").raw(CSS).raw("</style>\n</head>\n<body>\n");
        out.raw("<header>\n<h1><span class=\"tool\">corescope</span> ").text(command);
        if (runId != null) {
            out.raw(" <span class=\"runid\">").text(runId).raw("</span>");
        }
        out.raw("</h1>\n<p class=\"sub\">").raw(subtitle).raw("</p>\n<nav>");
        List<Section> shown = sections.stream().filter(s -> s.body().length() > 0).toList();
        for (Section s : shown) {
            out.raw("<a href=\"#").raw(s.id()).raw("\">").text(s.title()).raw("</a>");
        }
        out.raw("</nav>\n</header>\n<main>\n");
        for (Section s : shown) {
            out.raw("<section id=\"").raw(s.id()).raw("\">\n<h2>").text(s.title()).raw("</h2>\n")
                    .raw(s.body().toString()).raw("</section>\n");
        }
        out.raw("</main>\n<footer>Written by corescope ").text(Version.current())
                .raw(" from the files of the run directory <code>").text(source)
                .raw("</code>; self-contained: no scripts, nothing fetched.</footer>\n</body>\n</html>\n");
        return out.toString();
    }

    private static String css() {
        try (InputStream in = Page.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
