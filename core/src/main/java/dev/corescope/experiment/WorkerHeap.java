package dev.corescope.experiment;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The maximum heap a worker JVM will have: its {@code -Xmx} (or {@code -XX:MaxHeapSize}) when the
 * options give one, else the JVM's default. The default is this JVM's own {@link Runtime#maxMemory()}
 * when this JVM was started without heap options (same binary, same machine, same ergonomics); else
 * it is computed as the JVM does: {@code MaxRAMPercentage} (25% unless given) of the physical memory
 * (container-aware), capped by {@code MaxRAM}, and at least {@code -Xms}.
 */
public final class WorkerHeap {
    private static final Pattern SIZE = Pattern.compile("([0-9]+)([kKmMgGtT]?)");
    private static final long DEFAULT_MAX_RAM = 128L << 30;
    private static final double DEFAULT_PERCENTAGE = 25;

    /** A heap limit in bytes and where it comes from (for messages). */
    public record Limit(long bytes, String source) {
    }

    private WorkerHeap() {
    }

    /** The worker heap for these worker-JVM options on this machine. */
    public static Limit of(List<String> options) {
        return of(options, ManagementFactory.getRuntimeMXBean().getInputArguments(), Runtime.getRuntime().maxMemory(),
                physicalMemory());
    }

    /**
     * @param coordinatorArgs this JVM's own options
     * @throws PlanRefused when a heap option's value is not a size
     */
    static Limit of(List<String> options, List<String> coordinatorArgs, long coordinatorMax, long physical) {
        Long xmx = null;
        Long xms = null;
        Double percentage = null;
        Long maxRam = null;
        String xmxText = null;
        for (String o : options) {
            if (o.startsWith("-Xmx")) {
                xmx = size(o, o.substring(4));
                xmxText = o;
            } else if (o.startsWith("-XX:MaxHeapSize=")) {
                xmx = size(o, o.substring(o.indexOf('=') + 1));
                xmxText = o;
            } else if (o.startsWith("-Xms")) {
                xms = size(o, o.substring(4));
            } else if (o.startsWith("-XX:InitialHeapSize=")) {
                xms = size(o, o.substring(o.indexOf('=') + 1));
            } else if (o.startsWith("-XX:MaxRAMPercentage=")) {
                percentage = percentage(o);
            } else if (o.startsWith("-XX:MaxRAM=")) {
                maxRam = size(o, o.substring(o.indexOf('=') + 1));
            }
        }
        if (xmx != null) {
            return new Limit(xmx, xmxText + " from --worker-jvm-opt");
        }
        if (percentage == null && maxRam == null && xms == null && coordinatorArgs.stream().noneMatch(WorkerHeap::sizesHeap)) {
            return new Limit(coordinatorMax, "the JVM's default, as this JVM's");
        }
        double pct = percentage != null ? percentage : DEFAULT_PERCENTAGE;
        long ram = Math.min(physical, maxRam != null ? maxRam : DEFAULT_MAX_RAM);
        long bytes = Math.max((long) (ram * pct / 100), xms != null ? xms : 0);
        return new Limit(bytes, String.format(Locale.ROOT, "the JVM's default: %.0f%% of %.1f GiB of memory", pct,
                ram / (double) (1L << 30)));
    }

    private static boolean sizesHeap(String arg) {
        return arg.startsWith("-Xmx") || arg.startsWith("-Xms") || arg.startsWith("-XX:MaxHeapSize=")
                || arg.startsWith("-XX:InitialHeapSize=") || arg.startsWith("-XX:MaxRAM")
                || arg.startsWith("-XX:MinRAMPercentage=");
    }

    /** A JVM size ({@code 512m}, {@code 4g}, {@code 1073741824}). */
    static long size(String option, String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new PlanRefused("--worker-jvm-opt " + option + ": '" + text + "' is not a JVM size (e.g. 512m, 4g)");
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        try {
            long v = Long.parseLong(m.group(1));
            if (v > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return v << shift;
        } catch (NumberFormatException e) {
            throw new PlanRefused("--worker-jvm-opt " + option + ": '" + text + "' is too large");
        }
    }

    private static double percentage(String option) {
        try {
            double v = Double.parseDouble(option.substring(option.indexOf('=') + 1));
            if (v > 0 && v <= 100) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new PlanRefused("--worker-jvm-opt " + option + ": not a percentage in (0, 100]");
    }

    /** Physical memory, or the container's limit (the JVM reads the same). */
    static long physicalMemory() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory() * 4;
    }
}
