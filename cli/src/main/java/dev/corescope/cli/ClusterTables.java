package dev.corescope.cli;

import dev.corescope.analysis.Units;
import dev.corescope.cluster.ClusterStats;
import dev.corescope.report.Table;
import java.util.ArrayList;
import java.util.List;

/** The console tables of a cluster run's {@link ClusterStats}. */
final class ClusterTables {
    private ClusterTables() {
    }

    /** Console rendering: members, then levels with one mean column per member. */
    static String render(ClusterStats.Summary s) {
        StringBuilder out = new StringBuilder();
        Table m = new Table("member", "threshold", "tasks", "mean s", "sd s", "CV", "min s", "max s");
        for (ClusterStats.Member x : s.members()) {
            m.row(x.node(), x.threshold() + (x.thresholdMeasured() ? "" : " (not measured)"),
                    x.tasks() + (x.failures() > 0 ? " (" + x.failures() + " failed)" : ""), Units.sec(x.perTask().mean()),
                    Units.sec(x.perTask().sd()), Units.pct(x.perTask().cv()), Units.sec(x.perTask().min()),
                    Units.sec(x.perTask().max()));
        }
        out.append("Per member, all levels of the run (one machine each; a member's levels are mixed here):\n");
        out.append(m.render());
        List<String> nodes = s.members().stream().map(ClusterStats.Member::node).toList();
        List<String> headers = new ArrayList<>(List.of("experiment", "workers", "members", "tasks", "tasks/s", "scaling"));
        for (int i = 0; i < nodes.size(); i++) {
            headers.add(shortName(nodes.get(i)) + " mean s");
        }
        Table t = new Table(headers.toArray(String[]::new));
        for (ClusterStats.Level l : s.levels()) {
            List<Object> row = new ArrayList<>(List.of(l.experiment(), l.workers(), l.membersUsed(), l.tasks(),
                    Units.num(l.throughput(), 2), Units.num(l.scaling(), 2)));
            for (String n : nodes) {
                row.add(l.members().stream().filter(x -> x.node().equals(n)).findFirst()
                        .map(x -> Units.sec(x.perTask().mean())).orElse("-"));
            }
            t.row(row.toArray());
        }
        out.append("Per level: cluster throughput, and each member's mean per-task time (not pooled):\n");
        out.append(t.render());
        s.notes().forEach(n -> out.append(n).append('\n'));
        return out.toString();
    }

    private static String shortName(String label) {
        int at = label.indexOf('@');
        return at < 0 ? label : label.substring(0, at);
    }
}
