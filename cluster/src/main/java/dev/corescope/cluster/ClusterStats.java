package dev.corescope.cluster;

import dev.corescope.analysis.SampleStats;
import dev.corescope.analysis.Throughput;
import dev.corescope.analysis.Units;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.TaskRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Statistics of a run on a cluster. Machines differ, so per-task times are summarised <em>per member</em>
 * (grouped by the records' {@code node}) and never pooled across members. What is added up across
 * members is throughput: tasks completed per second of batch wall time, and its scaling with the
 * number of members a level used.
 */
public final class ClusterStats {
    /** One member at one level: its per-task wall times (s) and mean CPU time per task. */
    public record MemberLevel(String node, int tasks, int failures, SampleStats perTask, double cpuPerTask) {
    }

    /**
     * One (experiment, level): members used, tasks, cluster throughput (tasks/s over the batches' wall
     * time, all trials), scaling = throughput / throughput at level 1, and the per-member summaries.
     */
    public record Level(String experiment, int workers, int membersUsed, int tasks, double throughput, double scaling,
                       List<MemberLevel> members) {
    }

    /** One member over the whole run (all levels of one experiment: say so when showing it). */
    public record Member(String node, int threshold, boolean thresholdMeasured, int tasks, int failures,
                         SampleStats perTask) {
    }

    public record Summary(List<Member> members, List<Level> levels, List<String> notes) {
    }

    private ClusterStats() {
    }

    public static Summary of(List<BatchResult> batches, List<ClusterWorkerPool.NodeInfo> nodes) {
        Map<String, Map<Integer, List<BatchResult>>> byLevel = new LinkedHashMap<>();
        for (BatchResult b : batches) {
            byLevel.computeIfAbsent(b.plan().experiment(), k -> new TreeMap<>())
                    .computeIfAbsent(b.plan().level(), k -> new ArrayList<>()).add(b);
        }
        List<Level> levels = new ArrayList<>();
        for (var exp : byLevel.entrySet()) {
            double base = Double.NaN;
            for (var lvl : exp.getValue().entrySet()) {
                List<TaskRecord> recs = lvl.getValue().stream().flatMap(b -> b.records().stream()).toList();
                double throughput = Throughput.of(lvl.getValue());
                if (lvl.getKey() == 1) {
                    base = throughput;
                }
                List<MemberLevel> members = perMember(recs);
                levels.add(new Level(exp.getKey(), lvl.getKey(), members.size(), recs.size(), throughput,
                        throughput / base, members));
            }
        }
        List<TaskRecord> all = batches.stream().flatMap(b -> b.records().stream()).toList();
        Map<String, List<TaskRecord>> byNode = all.stream().filter(r -> r.node() != null)
                .collect(Collectors.groupingBy(TaskRecord::node, TreeMap::new, Collectors.toList()));
        List<Member> members = new ArrayList<>();
        for (ClusterWorkerPool.NodeInfo n : nodes) {
            List<TaskRecord> recs = byNode.getOrDefault(n.label(), List.of());
            members.add(new Member(n.label(), n.threshold(), n.measured(), recs.size(),
                    (int) recs.stream().filter(r -> !r.ok()).count(), wall(recs)));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Per-task times are per member (machines differ; they are never pooled across members). "
                + "Throughput adds up the tasks of all members per second of batch wall time.");
        for (ClusterWorkerPool.NodeInfo n : nodes) {
            if (!n.measured()) {
                notes.add(n.label() + ": threshold " + n.threshold() + " was NOT measured (" + n.thresholdSource()
                        + "); run 'corescope investigate' on that machine or start it with --threshold.");
            }
        }
        scalingNote(levels).ifPresent(notes::add);
        return new Summary(members, levels, notes);
    }

    private static List<MemberLevel> perMember(List<TaskRecord> recs) {
        Map<String, List<TaskRecord>> byNode = recs.stream().filter(r -> r.node() != null)
                .collect(Collectors.groupingBy(TaskRecord::node, TreeMap::new, Collectors.toList()));
        List<MemberLevel> out = new ArrayList<>();
        byNode.forEach((node, rs) -> out.add(new MemberLevel(node, rs.size(), (int) rs.stream().filter(r -> !r.ok()).count(),
                wall(rs), rs.stream().filter(TaskRecord::ok).mapToDouble(TaskRecord::cpuSeconds)
                        .filter(Double::isFinite).average().orElse(Double.NaN))));
        return out;
    }

    private static SampleStats wall(List<TaskRecord> recs) {
        return SampleStats.of(recs.stream().filter(TaskRecord::ok).mapToDouble(TaskRecord::wallSeconds).toArray());
    }

    /** Throughput with 1, 2, ... members: the first level of the first experiment that used that many. */
    private static java.util.Optional<String> scalingNote(List<Level> levels) {
        if (levels.isEmpty()) {
            return java.util.Optional.empty();
        }
        String exp = levels.get(0).experiment();
        Map<Integer, Level> byMembers = new TreeMap<>();
        for (Level l : levels) {
            if (l.experiment().equals(exp)) {
                byMembers.putIfAbsent(l.membersUsed(), l);
            }
        }
        if (byMembers.size() < 2) {
            return java.util.Optional.empty();
        }
        Level one = byMembers.values().iterator().next();
        List<String> parts = new ArrayList<>();
        byMembers.forEach((k, l) -> parts.add(Units.format("%d member(s) %.2f tasks/s (%.2fx)", k, l.throughput(),
                l.throughput() / one.throughput())));
        return java.util.Optional.of("Throughput scaling with members (" + exp + "): " + String.join(", ", parts) + ".");
    }
}
