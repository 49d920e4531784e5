package dev.corescope.report.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corescope.analysis.JmhStatistics;
import dev.corescope.experiment.JmhResult;
import dev.corescope.experiment.Remarks;
import dev.corescope.experiment.RunInfo;
import dev.corescope.experiment.jmh.BenchmarkPlan;
import dev.corescope.experiment.jmh.IterationRecord;
import dev.corescope.experiment.jmh.JmhRun;
import dev.corescope.store.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code corescope jmh} run killed before it wrote its summary (SIGKILL), rebuilt from its {@code records.jsonl}:
 * each result from the iterations of its reported forks (a rerun replacing the fork it reran; controls left out),
 * its score as JMH computes it over iteration scores, its certification unknown.
 */
public final class JmhRebuild {
    private static final ObjectMapper READER = new ObjectMapper();

    private JmhRebuild() {
    }

    /** Whether {@code records} holds jmh iteration lines (not task records). */
    public static boolean isJmhRecords(Path records) {
        try {
            for (String line : Files.readAllLines(records, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode n = READER.readTree(line);
                    return n.has("benchmark") && n.has("iteration");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** The result rebuilt; lines that are not records (a torn last one) are skipped. */
    public static JmhResult rebuild(Path runDir) throws IOException {
        List<IterationRecord> records = new ArrayList<>();
        int skipped = 0;
        for (String line : new String(Files.readAllBytes(runDir.resolve("records.jsonl")), StandardCharsets.UTF_8)
                .lines().toList()) {
            if (line.isBlank()) {
                continue;
            }
            try {
                records.add(Json.TOLERANT.forType(IterationRecord.class).readValue(line));
            } catch (IOException e) {
                skipped++;
            }
        }
        Map<String, Map<Integer, List<IterationRecord>>> forks = new LinkedHashMap<>();
        Map<String, String> jobKind = new LinkedHashMap<>();
        List<JmhRun.Failure> failures = new ArrayList<>();
        for (IterationRecord r : records) {
            if (!"ok".equals(r.status())) {
                failures.add(new JmhRun.Failure(r.job(), r.benchmark(), r.status(), r.error(), null));
                continue;
            }
            String key = BenchmarkPlan.key(r.benchmark(), r.mode(), r.params());
            Map<Integer, List<IterationRecord>> byFork = forks.computeIfAbsent(key, k -> new LinkedHashMap<>());
            List<IterationRecord> fork = byFork.get(r.fork());
            if (fork != null && !fork.get(0).job().equals(r.job()) && "rerun".equals(r.kind())) {
                fork = null; // a rerun replaces the fork it reran
            }
            if (fork == null) {
                fork = new ArrayList<>();
                byFork.put(r.fork(), fork);
            }
            if (fork.isEmpty() || fork.get(0).job().equals(r.job())) {
                fork.add(r);
            }
            jobKind.put(r.job(), r.kind());
        }
        List<JmhRun.Benchmark> benchmarks = new ArrayList<>();
        for (Map<Integer, List<IterationRecord>> byFork : forks.values()) {
            List<JmhRun.Fork> runs = new ArrayList<>();
            List<Double> all = new ArrayList<>();
            IterationRecord first = null;
            for (var e : byFork.entrySet()) {
                IterationRecord f = e.getValue().get(0);
                first = first == null ? f : first;
                List<Double> scores = e.getValue().stream().map(IterationRecord::score)
                        .map(s -> s == null ? Double.NaN : s).toList();
                all.addAll(scores);
                List<String> sides = e.getValue().stream().map(IterationRecord::side).toList();
                runs.add(new JmhRun.Fork(f.job(), f.fork(), f.kind(), f.workers(), f.cpus(), f.othersMin(), f.othersMax(),
                        f.startSeconds(), f.endSeconds() - f.startSeconds(), scores, sides.contains(null) ? List.of()
                        : sides));
            }
            JmhStatistics.Score s = JmhStatistics.of(all);
            benchmarks.add(new JmhRun.Benchmark(first.benchmark(), first.mode(), first.params(), 0, first.unit(),
                    runs.size(), runs, s.mean(), s.error(), s.n(), "unknown (the run was killed)", null));
        }
        double wall = records.stream().mapToDouble(IterationRecord::endSeconds).max().orElse(0);
        JmhRun run = new JmhRun(new JmhRun.Setup(runDir.toString(), null, List.of(), 0, "unknown", 0, List.of(),
                "unknown", 0), benchmarks, new JmhRun.Certification("unknown (the run was killed)", List.of(), List.of(),
                List.of()), new JmhRun.Timing(wall, 0, 0, 0, jobKind.size(), 0, 0), failures, List.of());
        List<String> warnings = new ArrayList<>(List.of("Rebuilt from records.jsonl: the run was killed before it wrote "
                + "its summary; forks that were running are lost, and nothing says whether the level was certified."));
        if (skipped > 0) {
            warnings.add(skipped + " line(s) of records.jsonl were not records (a torn last line?) and were skipped.");
        }
        String id = runDir.toAbsolutePath().normalize().getFileName() == null ? "run"
                : runDir.toAbsolutePath().normalize().getFileName().toString();
        return new JmhResult(new RunInfo(id, JmhResult.NAME, List.of(), null, null, false),
                new Remarks(failures.size(), failures.stream().map(f -> f.job() + " " + f.benchmark() + ": " + f.status()
                        + " — " + f.reason()).toList(), List.of(), List.of(), warnings), null, run);
    }
}
