package dev.corescope.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** An HTML table whose cells are escaped on output; numeric cells are right-aligned. */
final class HtmlTable {
    private static final Pattern NUMERIC = Pattern.compile("[-+~<>]?\\s?[0-9][0-9.,]*.*|-|–");

    /** One table cell: its text (escaped when rendered) and a CSS class chosen by this package, never by data. */
    record Cell(String text, String cls) {
    }

    private final String[] headers;
    private final List<Cell[]> rows = new ArrayList<>();

    HtmlTable(String... headers) {
        this.headers = headers;
    }

    HtmlTable(List<String> headers) {
        this(headers.toArray(String[]::new));
    }

    /** The same rows as a console {@link dev.corescope.report.Table}. */
    static HtmlTable of(dev.corescope.report.Table table) {
        HtmlTable t = new HtmlTable(table.headers());
        table.rows().forEach(r -> t.row(r.stream().map(HtmlTable::cell).toArray(Cell[]::new)));
        return t;
    }

    /** A cell of the value's text, right-aligned when it reads as a number. */
    static Cell cell(Object text) {
        String t = text == null ? "-" : String.valueOf(text);
        return new Cell(t, NUMERIC.matcher(t).matches() ? "n" : null);
    }

    /** A cell shown as a badge of class {@code good}, {@code bad}, {@code warn} or {@code neutral}. */
    static Cell badge(String text, String kind) {
        return new Cell(text, "badge " + kind);
    }

    void row(Cell... cells) {
        rows.add(cells);
    }

    void row(List<Cell> cells) {
        rows.add(cells.toArray(Cell[]::new));
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** A column whose cells are all right-aligned numbers gets a right-aligned header. */
    private boolean numeric(int column) {
        return !rows.isEmpty() && rows.stream().allMatch(r -> column < r.length && r[column].cls() != null
                && (r[column].cls().equals("n") || r[column].cls().startsWith("n ")));
    }

    void render(Html out) {
        out.raw("<div class=\"table\"><table>\n<thead><tr>");
        for (int i = 0; i < headers.length; i++) {
            out.raw(numeric(i) ? "<th class=\"n\">" : "<th>").text(headers[i]).raw("</th>");
        }
        out.raw("</tr></thead>\n<tbody>\n");
        for (Cell[] r : rows) {
            out.raw("<tr>");
            for (Cell c : r) {
                boolean badge = c.cls() != null && c.cls().startsWith("badge");
                out.raw(c.cls() == null || badge ? "<td>" : "<td class=\"" + c.cls() + "\">");
                if (badge) {
                    out.raw("<span class=\"").raw(c.cls()).raw("\">").text(c.text()).raw("</span>");
                } else {
                    out.text(c.text() == null ? "-" : c.text());
                }
                out.raw("</td>");
            }
            out.raw("</tr>\n");
        }
        out.raw("</tbody>\n</table></div>\n");
    }

    /** The badge kind of a verdict: ok is good, worse is bad, anything else a warning. */
    static String verdictKind(String verdict) {
        if (verdict == null) {
            return "neutral";
        }
        return switch (verdict.toLowerCase(java.util.Locale.ROOT)) {
            case "ok" -> "good";
            case "worse" -> "bad";
            default -> "warn";
        };
    }
}
