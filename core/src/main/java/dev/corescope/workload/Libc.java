package dev.corescope.workload;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Direct-mapped calls into the C library (JNA {@link Native#register}), for the few Linux system calls
 * corescope makes: a process group for a command, parent-death signals for worker JVMs, CPU affinity.
 * Here, in the lowest package, because commands (workload) and workers (exec) both need them.
 */
public final class Libc {
    private Libc() {
    }

    /**
     * Binds the {@code native} methods of {@code natives} to libc; false where that cannot be done (not
     * Linux, no JNA native support): the caller then goes without.
     */
    public static boolean register(Class<?> natives) {
        if (!Platform.isLinux()) {
            return false;
        }
        try {
            Native.register(natives, Platform.C_LIBRARY_NAME);
            return true;
        } catch (Throwable e) {
            return false;
        }
    }
}
