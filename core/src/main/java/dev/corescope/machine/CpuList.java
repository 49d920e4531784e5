package dev.corescope.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The kernel's CPU range-list format, as in {@code Cpus_allowed_list} or {@code
 * thread_siblings_list}: {@code 0-3,8,10-11}.
 */
public final class CpuList {

    private CpuList() {
    }

    /**
     * The CPU ids of a range list, sorted and distinct; an empty or blank text gives an empty list.
     *
     * @throws IllegalArgumentException when the text is not a range list
     */
    public static List<Integer> parse(String text) {
        TreeSet<Integer> cpus = new TreeSet<>();
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        for (String part : trimmed.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-');
            try {
                if (dash < 0) {
                    cpus.add(nonNegative(Integer.parseInt(p), text));
                } else {
                    int from = nonNegative(Integer.parseInt(p.substring(0, dash).trim()), text);
                    int to = nonNegative(Integer.parseInt(p.substring(dash + 1).trim()), text);
                    if (to < from) {
                        throw new IllegalArgumentException("descending CPU range '" + p + "' in '" + text + "'");
                    }
                    for (int cpu = from; cpu <= to; cpu++) {
                        cpus.add(cpu);
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CPU list: '" + text + "'", e);
            }
        }
        return List.copyOf(cpus);
    }

    /** The shortest range list of {@code cpus} ({@code [0,1,2,3,8]} → {@code "0-3,8"}); "" if empty. */
    public static String format(List<Integer> cpus) {
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(cpus));
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            int start = sorted.get(i);
            int end = start;
            while (i + 1 < sorted.size() && sorted.get(i + 1) == end + 1) {
                end = sorted.get(++i);
            }
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(start);
            if (end > start) {
                out.append('-').append(end);
            }
            i++;
        }
        return out.toString();
    }

    private static int nonNegative(int cpu, String text) {
        if (cpu < 0) {
            throw new IllegalArgumentException("negative CPU id in '" + text + "'");
        }
        return cpu;
    }
}
