package dev.corescope.experiment.jmh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the lines of {@code META-INF/BenchmarkList} as JMH's {@code BenchmarkListEntry(String)} does. The
 * format has been the same from JMH 1.21 to 1.37: {@code JMH } then tagged fields ({@code S} string, {@code I}
 * int, {@code T} time, {@code L} string list, {@code A} int array, {@code M} parameter map, {@code U} time unit,
 * {@code E} absent), each value preceded by its length. {@code @Param} values are armored (a Base64-like code of
 * their chars) since JMH 1.24; a value that does not decode is taken as written, as older versions wrote it.
 */
public final class BenchmarkListParser {
    private static final String MAGIC = "JMH ";
    private static final String DICT = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";

    private final String line;
    private final boolean armored;
    private int cursor;

    private BenchmarkListParser(String line, boolean armored) {
        this.line = line;
        this.armored = armored;
        this.cursor = MAGIC.length();
    }

    /** A line of JMH 1.24 or later, or of an unknown version (parameter values decoded when they are a code). */
    public static BenchmarkEntry parse(String line) {
        return parse(line, true);
    }

    /**
     * @param armored whether {@code @Param} values may be armored (false for JMH before 1.24, which wrote them plain)
     * @throws IllegalArgumentException when the line is not a benchmark list entry
     */
    public static BenchmarkEntry parse(String line, boolean armored) {
        if (line == null || !line.startsWith(MAGIC) || line.length() <= MAGIC.length()) {
            throw new IllegalArgumentException("not a JMH benchmark list line: " + shorten(line));
        }
        try {
            return new BenchmarkListParser(line, armored).entry();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read the JMH benchmark list line " + shorten(line) + ": "
                    + e.getMessage(), e);
        }
    }

    private BenchmarkEntry entry() {
        String userClass = string();
        string(); // the generated class
        String method = string();
        JmhMode mode = JmhMode.parse(string());
        Integer threads = optionalInt();
        List<Integer> groups = intArray();
        optionalStrings(); // thread group labels
        Integer wi = optionalInt();
        JmhTime w = optionalTime();
        Integer wbs = optionalInt();
        Integer i = optionalInt();
        JmhTime r = optionalTime();
        Integer bs = optionalInt();
        Integer f = optionalInt();
        Integer wf = optionalInt();
        optionalString(); // jvm
        List<String> jvmArgs = optionalStrings();
        List<String> prepend = optionalStrings();
        List<String> append = optionalStrings();
        Map<String, List<String>> params = optionalParams();
        String tu = optionalTag('U');
        optionalInt(); // operations per invocation
        JmhTime to = optionalTime();
        List<String> all = new ArrayList<>();
        for (List<String> l : java.util.Arrays.asList(prepend, jvmArgs, append)) {
            if (l != null) {
                all.addAll(l);
            }
        }
        return new BenchmarkEntry(userClass, method, mode, threads, groups, wi, w, wbs, i, r, bs, f, wf, jvmArgs,
                params, tu, to, all);
    }

    private char tag() {
        char c = line.charAt(cursor);
        cursor += 2;
        return c;
    }

    private int length() {
        int start = cursor;
        while (Character.isDigit(line.charAt(cursor))) {
            cursor++;
        }
        int n = Integer.parseInt(line.substring(start, cursor));
        cursor++;
        return n;
    }

    private String value() {
        int n = length();
        String s = line.substring(cursor, cursor + n);
        cursor += n + 1;
        return s;
    }

    private String string() {
        expect(tag(), 'S');
        return value();
    }

    private String optionalTag(char expected) {
        char t = tag();
        if (t == 'E') {
            return null;
        }
        expect(t, expected);
        return value();
    }

    private Integer optionalInt() {
        String v = optionalTag('I');
        return v == null ? null : Integer.valueOf(v);
    }

    private String optionalString() {
        return optionalTag('S');
    }

    private JmhTime optionalTime() {
        String v = optionalTag('T');
        return v == null ? null : JmhTime.parse(v);
    }

    private List<Integer> intArray() {
        expect(tag(), 'A');
        int n = length();
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(Integer.valueOf(value()));
        }
        return out;
    }

    private List<String> optionalStrings() {
        char t = tag();
        if (t == 'E') {
            return null;
        }
        expect(t, 'L');
        int n = length();
        List<String> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(value());
        }
        return out;
    }

    private Map<String, List<String>> optionalParams() {
        char t = tag();
        if (t == 'E') {
            return null;
        }
        expect(t, 'M');
        int keys = length();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int k = 0; k < keys; k++) {
            String key = value();
            int n = length();
            List<String> values = new ArrayList<>();
            for (int v = 0; v < n; v++) {
                values.add(armored ? unarmor(value()) : value());
            }
            out.put(key, values);
        }
        return out;
    }

    private static void expect(char tag, char expected) {
        if (tag != expected) {
            throw new IllegalStateException("unexpected tag '" + tag + "' where '" + expected + "' belongs");
        }
    }

    /** JMH's {@code Armor.decode}: 8 characters carry 3 chars of 16 bits; {@code =} pads. As written when it is no code. */
    static String unarmor(String s) {
        if (s.isEmpty() || s.length() % 8 != 0 || !s.chars().allMatch(c -> DICT.indexOf(c) >= 0)) {
            return s;
        }
        int pad = DICT.length() - 1;
        StringBuilder out = new StringBuilder();
        int cut = 0;
        int[] in = new int[8];
        for (int c = 0; c < s.length() / 8; c++) {
            for (int i = 0; i < 8; i++) {
                in[i] = DICT.indexOf(s.charAt(c * 8 + i));
            }
            if (in[3] == pad) {
                java.util.Arrays.fill(in, 3, 8, 0);
                cut = 2;
            } else if (in[6] == pad) {
                java.util.Arrays.fill(in, 6, 8, 0);
                cut = 1;
            }
            int b0 = (in[0] & 0xFF) + ((in[1] & 0x3) << 6);
            int b1 = ((in[1] & 0xFF) >> 2) + ((in[2] & 0xF) << 4);
            int b2 = ((in[2] & 0xFF) >> 4) + ((in[3] & 0x3F) << 2);
            int b3 = (in[4] & 0xFF) + ((in[5] & 0x3) << 6);
            int b4 = ((in[5] & 0xFF) >> 2) + ((in[6] & 0xF) << 4);
            int b5 = ((in[6] & 0xFF) >> 4) + ((in[7] & 0x3F) << 2);
            out.append((char) (b0 + (b1 << 8))).append((char) (b2 + (b3 << 8))).append((char) (b4 + (b5 << 8)));
        }
        return out.substring(0, out.length() - cut);
    }

    private static String shorten(String line) {
        if (line == null) {
            return "(none)";
        }
        return "'" + (line.length() > 80 ? line.substring(0, 80) + "..." : line) + "'";
    }
}
