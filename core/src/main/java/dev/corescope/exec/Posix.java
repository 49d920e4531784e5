package dev.corescope.exec;

import dev.corescope.workload.Libc;

/**
 * The few Linux calls a worker JVM needs and Java lacks, through JNA direct mapping (JNA is on the
 * classpath for OSHI). Where this is not Linux or JNA is missing, {@link #AVAILABLE} is false.
 */
final class Posix {
    static final int F_DUPFD_CLOEXEC = 1030;
    static final int F_SETPIPE_SZ = 1031;
    static final int F_GETPIPE_SZ = 1032;
    static final int PR_SET_PDEATHSIG = 1;
    static final int SIGKILL = 9;
    static final boolean AVAILABLE = Libc.register(Posix.class);

    private Posix() {
    }


    static native int fcntl(int fd, int cmd, int arg);

    static native int dup2(int oldFd, int newFd);

    static native int close(int fd);

    static native int getppid();

    static native int prctl(int option, long arg2, long arg3, long arg4, long arg5);

    /**
     * Asks the kernel to SIGKILL this process when the thread that started it ends, and checks that
     * the parent has not died already.
     *
     * @param parent the pid the parent had, or -1 when unknown (then only the signal is asked for)
     * @return false when the parent {@code parent} is already gone (the caller should exit)
     */
    static boolean dieWithParent(long parent) {
        if (!AVAILABLE) {
            return true;
        }
        try {
            prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
            return parent < 0 || getppid() == parent;
        } catch (Throwable e) {
            return true;
        }
    }
}
