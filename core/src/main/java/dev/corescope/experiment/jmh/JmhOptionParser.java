package dev.corescope.experiment.jmh;

import dev.corescope.experiment.PlanRefused;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads JMH's options as JMH 1.37's {@code CommandLineOptions} does ({@code -f 1}, {@code -f=1}, {@code -f1},
 * {@code --f 1}; words that are no option are benchmark patterns) and checks their values. An option corescope
 * cannot honour while it runs each fork in a JVM of its own is refused with a one-line {@link PlanRefused}:
 * {@code -o}, {@code -rf} other than {@code json}, bulk warm-up ({@code -wm BULK}, {@code -wmb}).
 */
public final class JmhOptionParser {
    /** Options passed to every job as typed. */
    private static final Set<String> PASSED = Set.of("i", "bs", "r", "wi", "wbs", "w", "to", "t", "si", "gc", "v",
            "prof", "tg", "jvm", "jvmArgs", "jvmArgsAppend", "jvmArgsPrepend", "tu", "opi", "wm");
    /** Options the plan owns: each job gets its own value. */
    private static final Set<String> OWNED = Set.of("f", "wf", "bm", "p", "foe", "e", "rf", "rff", "o", "wmb");
    private static final Set<String> LISTING = Set.of("l", "lp", "lrf", "lprof", "h");

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> includes = new ArrayList<>();
    private final List<String> passThrough = new ArrayList<>();
    private String listing;

    private JmhOptionParser() {
    }

    /** @throws PlanRefused with one line for an unknown option, a bad value, or an option that cannot be honoured */
    public static JmhOptions parse(List<String> argv) {
        JmhOptionParser p = new JmhOptionParser();
        p.read(argv);
        return p.options();
    }

    private void read(List<String> argv) {
        for (int k = 0; k < argv.size(); k++) {
            String word = argv.get(k);
            if (!word.startsWith("-") || word.equals("-")) {
                includes.add(word);
                continue;
            }
            String name = word.replaceFirst("^--?", "");
            String value = null;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (!known(name) && name.length() > 1 && known(name.substring(0, 1))
                    && !LISTING.contains(name.substring(0, 1))) {
                value = name.substring(1);
                name = name.substring(0, 1);
            }
            if (!known(name)) {
                throw new PlanRefused("unknown JMH option '" + word + "' (JMH's options go after '--'; see "
                        + "'java -jar benchmarks.jar -h')");
            }
            if (LISTING.contains(name)) {
                listing = name;
                continue;
            }
            if (value == null) {
                if (k + 1 >= argv.size()) {
                    throw new PlanRefused("JMH option -" + name + " needs a value");
                }
                value = argv.get(++k);
            }
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            if (PASSED.contains(name)) {
                passThrough.add("-" + name);
                passThrough.add(value);
            }
        }
    }

    private static boolean known(String name) {
        return PASSED.contains(name) || OWNED.contains(name) || LISTING.contains(name);
    }

    private JmhOptions options() {
        refuseUnhonourable();
        List<String> excludes = new ArrayList<>();
        for (String e : all("e")) {
            excludes.addAll(List.of(e.split(",")));
        }
        for (String regex : concat(includes, excludes)) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new PlanRefused("benchmark pattern '" + regex + "' is not a regular expression: "
                        + e.getDescription());
            }
        }
        List<JmhMode> modes = new ArrayList<>();
        for (String bm : all("bm")) {
            for (String m : bm.split(",")) {
                modes.add(check("-bm", () -> JmhMode.parse(m)));
            }
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String p : all("p")) {
            String[] kv = p.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new PlanRefused("JMH option -p " + p + ": expected name=value[,value...]");
            }
            params.put(kv[0], List.of(kv[1].split(",")));
        }
        ints("i", 1);
        ints("bs", 1);
        ints("wbs", 1);
        ints("opi", 1);
        last("tu").ifPresent(tu -> {
            if (!Set.of("ns", "us", "ms", "s", "m", "h").contains(tu.toLowerCase(Locale.ROOT))) {
                throw new PlanRefused("JMH option -tu " + tu + ": expected ns, us, ms, s, m or h");
            }
        });
        for (String b : List.of("si", "gc", "foe")) {
            last(b).ifPresent(v -> {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    throw new PlanRefused("JMH option -" + b + " " + v + ": expected true or false");
                }
            });
        }
        last("v").ifPresent(v -> {
            if (!Set.of("silent", "normal", "extra").contains(v.toLowerCase(Locale.ROOT))) {
                throw new PlanRefused("JMH option -v " + v + ": expected SILENT, NORMAL or EXTRA");
            }
        });
        List<Integer> groups = null;
        if (!all("tg").isEmpty()) {
            groups = new ArrayList<>();
            for (String g : last("tg").get().split(",")) {
                groups.add(integer("tg", g, 0));
            }
            if (groups.stream().mapToInt(Integer::intValue).sum() <= 0) {
                throw new PlanRefused("JMH option -tg: the group's thread count must be positive");
            }
        }
        Integer threads = last("t").map(t -> t.equalsIgnoreCase("max") ? -1 : integer("t", t, 1)).orElse(null);
        String rff = last("rff").orElse(last("rf").isPresent() ? "jmh-result.json" : null);
        return new JmhOptions(includes, excludes, intOrNull("f", 0), intOrNull("wf", 0), intOrNull("wi", 0),
                time("w"), intOrNull("i", 1), time("r"), threads, groups, modes, params,
                last("foe").map(Boolean::parseBoolean).orElse(false), time("to"), !all("jvmArgs").isEmpty(),
                passThrough, rff, listing);
    }

    private void refuseUnhonourable() {
        if (!all("o").isEmpty()) {
            throw new PlanRefused("JMH option -o cannot be honoured: each fork runs in a JMH of its own (its output "
                    + "is in the run directory's jobs/*/output.log; corescope prints the merged table)");
        }
        last("rf").ifPresent(rf -> {
            if (!rf.equalsIgnoreCase("json")) {
                throw new PlanRefused("JMH option -rf " + rf + " cannot be honoured: corescope writes JMH's JSON "
                        + "result format only (-rf json)");
            }
        });
        last("wm").ifPresent(wm -> {
            if (!wm.equalsIgnoreCase("INDI")) {
                throw new PlanRefused("JMH option -wm " + wm + " cannot be honoured: bulk warm-up runs other benchmarks "
                        + "in a fork, and corescope runs one benchmark per fork (INDI)");
            }
        });
        if (!all("wmb").isEmpty()) {
            throw new PlanRefused("JMH option -wmb cannot be honoured: warm-up benchmarks run in a fork of their own "
                    + "benchmark's, and corescope runs one benchmark per fork");
        }
    }

    private List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    private java.util.Optional<String> last(String name) {
        List<String> v = all(name);
        return v.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(v.get(v.size() - 1));
    }

    private void ints(String name, int min) {
        last(name).ifPresent(v -> integer(name, v, min));
    }

    private Integer intOrNull(String name, int min) {
        return last(name).map(v -> integer(name, v, min)).orElse(null);
    }

    private static int integer(String name, String v, int min) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new PlanRefused("JMH option -" + name + " " + v + ": expected " + (min > 0 ? "a positive" : "a non-negative")
                + " integer");
    }

    private JmhTime time(String name) {
        return last(name).map(v -> check("-" + name, () -> JmhTime.parse(v))).orElse(null);
    }

    private static <T> T check(String option, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new PlanRefused("JMH option " + option + ": " + e.getMessage());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
