package dev.corescope.cli;

import dev.corescope.experiment.AssessExperiment;
import dev.corescope.workload.CommandWorkload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands of {@code --cmd} as workloads, hyperfine's way: each {@code --cmd} is one workload (one
 * "algorithm" of {@code assess}), named by the {@code --command-name} at the same position (hyperfine's
 * {@code -n}) or, without names, by its own text (shortened past {@link #MAX_DEFAULT_NAME} characters, so
 * {@code OMP_NUM_THREADS=1 ./bench {n}} stays a plain command); {@code --prepare} is one command run untimed
 * before every task, or one per command. Names must be distinct: they key the tables, files and charts.
 */
final class CommandList {
    /** Longest default name (the command's text); longer texts are cut and end in "...". */
    static final int MAX_DEFAULT_NAME = 40;

    private CommandList() {
    }

    /**
     * The workloads of {@code commands}, checked: a name per command or none, distinct names, a prepare command for
     * all or one per command, each command parsed by the shell ({@link CommandWorkload#checkSyntax}).
     *
     * @throws UsageError with one line saying what is wrong
     */
    static List<AssessExperiment.Algo> of(List<String> commands, List<String> names, List<String> prepares) {
        List<String> cmds = commands == null ? List.of() : commands;
        List<String> given = names == null ? List.of() : names;
        List<String> prep = prepares == null ? List.of() : prepares;
        if (cmds.isEmpty()) {
            if (!given.isEmpty()) {
                throw new UsageError("--command-name names a --cmd; there is none");
            }
            if (!prep.isEmpty()) {
                throw new UsageError("--prepare runs before each --cmd task; there is no --cmd");
            }
            return List.of();
        }
        if (!given.isEmpty() && given.size() != cmds.size()) {
            throw new UsageError("--command-name given " + given.size() + " time(s) for " + cmds.size()
                    + " --cmd: give one name per command, in the same order (or none)");
        }
        if (!prep.isEmpty() && prep.size() != 1 && prep.size() != cmds.size()) {
            throw new UsageError("--prepare given " + prep.size() + " times for " + cmds.size()
                    + " --cmd: give one for every command or one per command, in the same order");
        }
        Map<String, Integer> seen = new HashMap<>();
        List<AssessExperiment.Algo> out = new ArrayList<>();
        for (int i = 0; i < cmds.size(); i++) {
            String cmd = cmds.get(i);
            String name = given.isEmpty() ? defaultName(cmd) : given.get(i).strip();
            if (name.isEmpty()) {
                throw new UsageError("--command-name must not be empty (the name of --cmd '" + cmd + "')");
            }
            Integer before = seen.putIfAbsent(name, i);
            if (before != null) {
                throw new UsageError(given.isEmpty()
                        ? "two --cmd have the same name '" + name + "': name them with --command-name"
                        : "--command-name '" + name + "' is given twice: each command needs its own name");
            }
            String prepare = prep.isEmpty() ? null : prep.size() == 1 ? prep.get(0) : prep.get(i);
            try {
                CommandWorkload.checkSyntax(cmd);
                if (prepare != null) {
                    CommandWorkload.checkSyntax("--prepare", prepare);
                }
            } catch (IllegalArgumentException e) {
                throw new UsageError(Main.firstLine(e.getMessage()));
            }
            out.add(new AssessExperiment.Algo(name, CommandWorkload.spec(cmd, prepare)));
        }
        return out;
    }

    /** A command's own text as its name: one line, blanks collapsed, cut at {@link #MAX_DEFAULT_NAME}. */
    static String defaultName(String command) {
        String s = command.strip().replaceAll("\\s+", " ");
        return s.length() <= MAX_DEFAULT_NAME ? s : s.substring(0, MAX_DEFAULT_NAME - 3).stripTrailing() + "...";
    }
}
