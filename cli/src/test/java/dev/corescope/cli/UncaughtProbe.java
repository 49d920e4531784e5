package dev.corescope.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a fresh JVM by {@link UnexpectedErrorTest}: {@link Main#main} on the given arguments, while a
 * thread of its own throws an OutOfMemoryError once the run has written its first record (args[0] is
 * the records file to wait for; the rest is the command line).
 */
public final class UncaughtProbe {
    private UncaughtProbe() {
    }

    public static void main(String[] args) {
        Path records = Path.of(args[0]);
        Thread t = new Thread(() -> {
            while (!hasLine(records)) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
            FailingWorkloads.outOfMemory();
        }, "corescope-probe");
        t.setDaemon(true);
        t.start();
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        Main.main(rest);
    }

    private static boolean hasLine(Path file) {
        try {
            return Files.exists(file) && Files.readString(file).contains("\n");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
