package dev.corescope.report.jmh;

import dev.corescope.experiment.JmhResult;
import dev.corescope.experiment.jmh.JmhRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The console table of {@code corescope jmh}, laid out as JMH's own (benchmark with its common package left
 * out, one column per parameter, mode, count, score ± error, units), with a {@code Certified} column, then the
 * level's verdict, the time saved and the failures.
 */
public final class JmhTable {
    private JmhTable() {
    }

    public static String render(JmhResult r) {
        JmhRun run = r.jmh();
        List<JmhRun.Benchmark> bs = run.benchmarks();
        TreeSet<String> params = new TreeSet<>();
        bs.forEach(b -> params.addAll(b.params().keySet()));
        int common = commonPackage(bs.stream().map(JmhRun.Benchmark::benchmark).toList());
        List<String> header = new ArrayList<>(List.of("Benchmark"));
        params.forEach(p -> header.add("(" + p + ")"));
        header.addAll(List.of("Mode", "Cnt", "Score", "", "Error", "Units", "Certified"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (JmhRun.Benchmark b : bs) {
            List<String> row = new ArrayList<>(List.of(b.benchmark().substring(common)));
            params.forEach(p -> row.add(b.params().getOrDefault(p, "N/A")));
            boolean err = Double.isFinite(b.scoreError()) && !b.failed() && !approximate(b.score());
            row.addAll(List.of(b.mode(), b.failed() ? "" : Long.toString(b.samples()),
                    b.failed() ? "FAILED" : score(b.score()), err ? "±" : "",
                    err ? String.format(Locale.ROOT, "%.3f", Math.max(b.scoreError(), 0.001)) : "", b.unit(),
                    b.certified()));
            rows.add(row);
        }
        StringBuilder sb = new StringBuilder();
        int[] w = new int[header.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                w[c] = Math.max(w[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                boolean left = c == 0 || c == row.size() - 1 || c == row.size() - 2;
                String cell = row.get(c);
                line.append(c == 0 ? "" : "  ").append(left ? pad(cell, w[c], false) : pad(cell, w[c], true));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        sb.append('\n');
        sb.append("Certified: yes = measured at a certified level; solo = measured alone; solo (rerun) = rerun alone "
                + "after its level failed; no / unsettled = the level failed or was not settled (--workers N keeps it); "
                + "not verified = no controls.\n");
        r.findings().forEach(f -> sb.append(f).append('\n'));
        for (JmhRun.Failure f : run.failures()) {
            sb.append("FAILED ").append(f.benchmark()).append(" (").append(f.job()).append(", ").append(f.status())
                    .append("): ").append(f.reason()).append('\n');
        }
        if (!run.notRun().isEmpty()) {
            sb.append("Not run: ").append(String.join(", ", run.notRun())).append('\n');
        }
        return sb.toString();
    }

    /** As JMH's {@code ScoreFormatter}: three decimals, or {@code ≈ 10ⁿ} below 0.0005. */
    static String score(double v) {
        if (approximate(v)) {
            int power = (int) Math.round(Math.log10(v));
            return "≈ " + (power != 0 ? "10" + superscript(Integer.toString(power)) : "0");
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static boolean approximate(double v) {
        return v < 0.0005;
    }

    private static String superscript(String digits) {
        StringBuilder sb = new StringBuilder();
        for (char c : digits.toCharArray()) {
            sb.append(c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
        }
        return sb.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    /** The length of the package all names share (whole segments, never the class or method). */
    static int commonPackage(List<String> names) {
        if (names.isEmpty()) {
            return 0;
        }
        String prefix = names.get(0).substring(0, packageEnd(names.get(0)));
        for (String n : names) {
            String p = n.substring(0, packageEnd(n));
            int k = 0;
            while (k < Math.min(prefix.length(), p.length()) && prefix.charAt(k) == p.charAt(k)) {
                k++;
            }
            prefix = prefix.substring(0, k);
        }
        return prefix.lastIndexOf('.') + 1;
    }

    /** Where a name's package ends, its dot included ({@code org.x.Cls.method} → after {@code org.x.}). */
    private static int packageEnd(String name) {
        int method = name.lastIndexOf('.');
        int cls = method > 0 ? name.lastIndexOf('.', method - 1) : -1;
        return cls + 1;
    }
}
