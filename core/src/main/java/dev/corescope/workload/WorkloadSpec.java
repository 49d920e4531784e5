package dev.corescope.workload;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A serialisable description of a workload: a name (built-in) or a class name, plus string
 * parameters. Text form: {@code name key=value key=value}, used in worker frames and records.
 */
public record WorkloadSpec(String name, Map<String, String> params) {

    public WorkloadSpec {
        if (name == null || name.isBlank() || name.contains(" ")) {
            throw new IllegalArgumentException("workload name must be a non-empty word: '" + name + "'");
        }
        params = Collections.unmodifiableMap(new TreeMap<>(params));
    }

    public static WorkloadSpec of(String name, Object... keyValues) {
        Map<String, String> p = new TreeMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            p.put(String.valueOf(keyValues[i]), String.valueOf(keyValues[i + 1]));
        }
        return new WorkloadSpec(name, p);
    }

    public String param(String key, String fallback) {
        return params.getOrDefault(key, fallback);
    }

    public long longParam(String key, long fallback) {
        String v = params.get(key);
        return v == null ? fallback : Long.parseLong(v);
    }

    public WorkloadSpec with(String key, Object value) {
        Map<String, String> p = new TreeMap<>(params);
        p.put(key, String.valueOf(value));
        return new WorkloadSpec(name, p);
    }

    /** {@code name k=v k=v}; values must not contain spaces. */
    public String text() {
        if (params.isEmpty()) {
            return name;
        }
        return name + " " + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    public static WorkloadSpec parse(String text) {
        String[] parts = text.trim().split(" +");
        Map<String, String> p = new TreeMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("bad workload parameter '" + parts[i] + "' in '" + text + "'");
            }
            p.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
        }
        return new WorkloadSpec(parts[0], p);
    }

    @Override
    public String toString() {
        return text();
    }
}
