package dev.corescope.report.html;

import java.util.List;

/**
 * HTML text under construction: every string taken from a run goes in through {@link #text} (or
 * {@link #escape}); markup this package writes goes in through {@link #raw}. CSS classes are chosen by
 * this package, never by data.
 */
final class Html {
    private final StringBuilder out;

    Html() {
        this(new StringBuilder(16 * 1024));
    }

    Html(StringBuilder out) {
        this.out = out;
    }

    /** Escapes text for HTML element content and quoted attribute values; null becomes "". */
    static String escape(String text) {
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

    /** Markup written by this package. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Text from the run, escaped. */
    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    Html text(Object value) {
        return text(String.valueOf(value));
    }

    /** {@code <li>text</li>}, nothing for a blank text. */
    Html li(String text) {
        if (text != null && !text.isBlank()) {
            raw("<li>").text(text).raw("</li>\n");
        }
        return this;
    }

    /** A list of the lines with CSS class {@code cls}; nothing when there are none. */
    Html list(List<String> lines, String cls) {
        if (lines == null || lines.isEmpty()) {
            return this;
        }
        raw("<ul class=\"").raw(cls).raw("\">\n");
        lines.forEach(this::li);
        return raw("</ul>\n");
    }

    /** A term of a {@code <dl>}, nothing for a blank value. */
    Html kv(String key, String value) {
        if (value != null && !value.isBlank()) {
            raw("<dt>").text(key).raw("</dt><dd>").text(value).raw("</dd>\n");
        }
        return this;
    }

    /** {@code <p class="caption">} with markup written by this package. */
    Html caption(String markup) {
        return raw("<p class=\"caption\">").raw(markup).raw("</p>\n");
    }

    int length() {
        return out.length();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
