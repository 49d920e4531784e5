package dev.corescope.report.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/** The shape of a JMH result entry: every field's path ({@code primaryMetric.scorePercentiles.50.0}), arrays' items as {@code []}. */
public final class JmhShape {
    private JmhShape() {
    }

    public static TreeSet<String> of(JsonNode node) {
        TreeSet<String> out = new TreeSet<>();
        walk(node, "", out);
        return out;
    }

    private static void walk(JsonNode n, String path, TreeSet<String> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                out.add(p);
                walk(e.getValue(), p, out);
            }
        } else if (n.isArray()) {
            for (JsonNode item : n) {
                walk(item, path + "[]", out);
            }
        }
    }
}
