package dev.corescope.cli;

import picocli.CommandLine.Option;

/** {@code --no-pin}, of the commands whose local workers are pinned by default (investigate, assess). */
public final class PinOption {
    @Option(names = "--no-pin", description = "Do not pin worker k to a CPU of its own (one per physical core first); "
            + "let the OS place them.")
    boolean noPin;

    boolean pin() {
        return !noPin;
    }
}
