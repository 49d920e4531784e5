package dev.corescope.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Every {@code *.svg} of the run directory, inlined through the allow-list of {@link SvgInline}. */
final class ChartsSection {
    private ChartsSection() {
    }

    static void render(Html out, Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        if (files.isEmpty()) {
            return;
        }
        out.raw("<div class=\"charts\">\n");
        int i = 0;
        for (Path f : files) {
            i++;
            String name = f.getFileName().toString();
            out.raw("<figure class=\"chart\">\n");
            try {
                out.raw(SvgInline.inline(Files.readString(f, StandardCharsets.UTF_8), "c" + i + "-")).raw("\n");
            } catch (IOException | RuntimeException e) {
                out.raw("<p class=\"missing\">This chart could not be inlined: ")
                        .text(HtmlReport.firstLine(e.getMessage())).raw("</p>\n");
            }
            String base = name.substring(0, name.length() - 4);
            out.raw("<figcaption>").text(base.replace('-', ' ')).raw(" <code>").text(name).raw("</code>");
            if (Files.isRegularFile(dir.resolve(base + ".png"))) {
                out.raw(" (also <code>").text(base + ".png").raw("</code>)");
            }
            out.raw("</figcaption>\n</figure>\n");
        }
        out.raw("</div>\n");
    }
}
