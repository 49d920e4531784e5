package dev.corescope.cli;

import dev.corescope.experiment.Limits;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code --sizes} of {@code assess}: a list ({@code 50,100,250}) and/or ranges {@code FROM..TO:STEP}
 * (step optional: 1), de-duplicated and ascending. Ranges are walked without overflow, a list longer
 * than {@link Limits#MAX_SIZES} is refused before it is built, and so are sizes above
 * {@link Limits#MAX_SIZE}.
 */
final class SizeList {
    private SizeList() {
    }

    /**
     * @throws UsageError with a one-line reason
     */
    static List<Long> parse(String text) {
        TreeSet<Long> out = new TreeSet<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            try {
                if (p.contains("..")) {
                    range(p, out);
                } else {
                    out.add(positive(Long.parseLong(p)));
                }
            } catch (NumberFormatException e) {
                throw new UsageError("bad size '" + p + "' in --sizes (examples: 50,100,250 or 50..500:50)");
            }
            if (out.size() > dev.corescope.experiment.Limits.MAX_SIZES) {
                throw new UsageError("--sizes holds more than " + dev.corescope.experiment.Limits.MAX_SIZES + " sizes");
            }
        }
        if (out.isEmpty()) {
            throw new UsageError("--sizes is empty");
        }
        return List.copyOf(out);
    }

    private static void range(String p, TreeSet<Long> out) {
        String[] range = p.split("\\.\\.", 2);
        String[] toStep = range[1].split(":", 2);
        long from = Long.parseLong(range[0].trim());
        long to = Long.parseLong(toStep[0].trim());
        long step = toStep.length > 1 ? Long.parseLong(toStep[1].trim()) : 1;
        if (step < 1) {
            throw new UsageError("size range step must be positive in '" + p + "'");
        }
        positive(from);
        positive(to);
        if (to < from) {
            throw new UsageError("empty size range '" + p + "'");
        }
        // from > 0 and to >= from: to - from cannot overflow; count - 1 = (to - from) / step
        if ((to - from) / step >= dev.corescope.experiment.Limits.MAX_SIZES) {
            throw new UsageError("size range '" + p + "' has more than " + dev.corescope.experiment.Limits.MAX_SIZES + " sizes");
        }
        for (long v = from; ; v += step) {
            out.add(v);
            if (to - v < step) { // the next value would pass 'to' (or overflow)
                break;
            }
        }
    }

    private static long positive(long v) {
        if (v <= 0) {
            throw new UsageError("sizes must be positive, got " + v);
        }
        if (v > dev.corescope.experiment.Limits.MAX_SIZE) {
            throw new UsageError("size " + v + " is above the largest size, 2^53 = " + dev.corescope.experiment.Limits.MAX_SIZE
                    + " (beyond it the statistics cannot tell sizes apart)");
        }
        return v;
    }
}
