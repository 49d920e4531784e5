package dev.corescope.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;

/**
 * The CPU facts OSHI offers where {@code /proc} and {@code /sys} fall short. One {@link
 * SystemInfo} is created on first use; every call is guarded so a failure (including a native
 * library that will not load) leaves that fact unknown.
 */
final class OshiCpuFacts {

    private CentralProcessor processor;
    private boolean failed;

    private CentralProcessor processor() {
        if (processor == null && !failed) {
            try {
                processor = new SystemInfo().getHardware().getProcessor();
            } catch (RuntimeException | LinkageError e) {
                failed = true;
            }
        }
        return processor;
    }

    /** The CPU model name, null when unknown. */
    String model() {
        return guard(() -> blankToNull(processor().getProcessorIdentifier().getName()), null);
    }

    int logicalCpus() {
        return guard(() -> positive(processor().getLogicalProcessorCount()), -1);
    }

    int physicalCores() {
        return guard(() -> positive(processor().getPhysicalProcessorCount()), -1);
    }

    int packages() {
        return guard(() -> positive(processor().getPhysicalPackageCount()), -1);
    }

    int numaNodes() {
        return guard(() -> positive((int) processor().getLogicalProcessors().stream()
                .mapToInt(CentralProcessor.LogicalProcessor::getNumaNode).distinct().count()), -1);
    }

    /** Maximum frequency in Hz, -1 when unknown. */
    long maxFreqHz() {
        return guard(() -> {
            long hz = processor().getMaxFreq();
            return hz > 0 ? hz : -1L;
        }, -1L);
    }

    /** Logical CPUs grouped by (package, physical core), null when unknown. */
    List<List<Integer>> smtSiblings() {
        return guard(() -> {
            Map<Long, List<Integer>> cores = new TreeMap<>();
            for (CentralProcessor.LogicalProcessor lp : processor().getLogicalProcessors()) {
                long key = ((long) lp.getPhysicalPackageNumber() << 32) | (lp.getPhysicalProcessorNumber() & 0xffffffffL);
                cores.computeIfAbsent(key, k -> new ArrayList<>()).add(lp.getProcessorNumber());
            }
            List<List<Integer>> out = new ArrayList<>();
            cores.values().forEach(c -> out.add(c.stream().sorted().toList()));
            out.sort((a, b) -> Integer.compare(a.get(0), b.get(0)));
            return out.isEmpty() ? null : out;
        }, null);
    }

    private interface Fact<T> {
        T get();
    }

    private <T> T guard(Fact<T> fact, T unknown) {
        if (processor() == null) {
            return unknown;
        }
        try {
            T value = fact.get();
            return value == null ? unknown : value;
        } catch (RuntimeException | LinkageError e) {
            return unknown;
        }
    }

    private static Integer positive(int n) {
        return n > 0 ? n : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
