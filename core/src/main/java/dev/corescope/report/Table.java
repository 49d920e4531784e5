package dev.corescope.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with right-aligned columns, for the console. */
public final class Table {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    public Table row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(String.valueOf(c));
        }
        rows.add(r);
        return this;
    }

    public List<String> headers() {
        return headers;
    }

    public List<List<String>> rows() {
        return rows;
    }

    public String render() {
        int[] width = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            width[i] = headers.get(i).length();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < r.size() && i < width.length; i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, headers, width);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        sb.append(rule).append('\n');
        for (List<String> r : rows) {
            line(sb, r, width);
        }
        return sb.toString();
    }

    /** RFC 4180 CSV: header and rows, fields quoted where needed. */
    public String renderCsv() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", headers.stream().map(Table::csvField).toList())).append('\n');
        for (List<String> r : rows) {
            sb.append(String.join(",", r.stream().map(Table::csvField).toList())).append('\n');
        }
        return sb.toString();
    }

    /** A GitHub-flavoured Markdown table, numbers right-aligned, ready to paste. */
    public String renderMarkdown() {
        StringBuilder sb = new StringBuilder("| ");
        sb.append(String.join(" | ", headers.stream().map(Table::mdCell).toList())).append(" |\n|");
        for (int i = 0; i < headers.size(); i++) {
            sb.append(i == 0 ? "---|" : "---:|");
        }
        sb.append('\n');
        for (List<String> r : rows) {
            sb.append("| ").append(String.join(" | ", r.stream().map(Table::mdCell).toList())).append(" |\n");
        }
        return sb.toString();
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String mdCell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        for (int i = 0; i < width.length; i++) {
            String c = i < cells.size() ? cells.get(i) : "";
            sb.append(i == 0 ? "" : "  ").append(" ".repeat(width[i] - c.length())).append(c);
        }
        sb.append('\n');
    }
}
