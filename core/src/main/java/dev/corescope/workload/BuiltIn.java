package dev.corescope.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a built-in workload declares before anything runs: the parameters it takes (key and meaning),
 * the largest size one task accepts, and the heap one task of a size needs. The CLI and the API check
 * a plan against these before starting work (unknown parameter keys, sizes that cannot be held,
 * tasks that cannot fit in the heap), so a bad plan is refused in one line instead of failing later.
 *
 * @param parameters key → one-line meaning, in the order they are listed to the user
 * @param maxSize    largest size one task accepts ({@link Long#MAX_VALUE} when the size is unused)
 * @param footprint  the heap one task needs
 */
public record BuiltIn(String name, Map<String, String> parameters, long maxSize, Footprint footprint) {
    /** Heap one task of {@code size} needs with these parameters. */
    @FunctionalInterface
    public interface Footprint {
        TaskMemory of(long size, Map<String, String> params);
    }

    /**
     * The memory one task takes.
     *
     * @param workingBytes  bytes live on the heap of the JVM that runs the task, at its peak
     * @param returnedBytes bytes of the result that travels back to the coordinator (a payload)
     * @param description   what the bytes are, e.g. "three 100x100 double matrices"
     */
    public record TaskMemory(long workingBytes, long returnedBytes, String description) {
        public static final TaskMemory NONE = new TaskMemory(0, 0, "no data");
    }

    public BuiltIn {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A workload whose task needs no heap worth counting. */
    public static BuiltIn small(String name, Map<String, String> parameters) {
        return new BuiltIn(name, parameters, Long.MAX_VALUE, (n, p) -> TaskMemory.NONE);
    }

    /**
     * @throws IllegalArgumentException naming the first unknown key and the known ones
     */
    public void checkParameters(Map<String, String> params) {
        for (String key : params.keySet()) {
            if (!parameters.containsKey(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' for " + name + " ("
                        + (parameters.isEmpty() ? "it takes no parameters" : "known: " + known()) + ")");
            }
        }
    }

    /** {@code key (meaning), key (meaning)}. */
    public String known() {
        StringBuilder sb = new StringBuilder();
        parameters.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append(" = ").append(v));
        return sb.toString();
    }

    /**
     * @throws IllegalArgumentException when one task cannot take {@code size}
     */
    public void checkSize(long size) {
        if (size < 0 || size > maxSize) {
            throw new IllegalArgumentException("size " + size + " is beyond what " + name + " can hold: at most "
                    + maxSize + " (one Java array)");
        }
    }

    public TaskMemory taskMemory(long size, Map<String, String> params) {
        return footprint.of(size, params);
    }
}
