/*
 * The interference generator of bench/certify.sh: another program that takes part of one CPU in short periodic
 * bursts, as a logging daemon, a monitoring agent or a noisy neighbour does. Pinned to CPU `cpu`, it does
 * `busy_ms` of CPU work at the start of every `period_ms` (default 2 of 20: 10% of that CPU), for `seconds`
 * (0: until killed); a worker pinned there waits while it runs.
 *
 *   cc -O2 -o burst burst.c && ./burst CPU [BUSY_MS PERIOD_MS SECONDS]
 *
 * It prints once, on start, what it does and the share of the CPU it aims at; on exit (SIGTERM, SIGINT or the
 * end of `seconds`) the share it actually took (its CPU time over the wall time).
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static volatile sig_atomic_t stop = 0;
static void on_signal(int s) { (void) s; stop = 1; }

static double now(clockid_t c) {
    struct timespec t;
    clock_gettime(c, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s CPU [BUSY_MS PERIOD_MS SECONDS]\n", argv[0]);
        return 2;
    }
    int cpu = atoi(argv[1]);
    double busy = argc > 2 ? atof(argv[2]) / 1000 : 0.002;
    double period = argc > 3 ? atof(argv[3]) / 1000 : 0.020;
    double seconds = argc > 4 ? atof(argv[4]) : 0;
    if (busy <= 0 || period <= busy) {
        fprintf(stderr, "burst: need 0 < BUSY_MS < PERIOD_MS\n");
        return 2;
    }
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0) {
        perror("burst: sched_setaffinity");
        return 1;
    }
    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
    printf("burst: CPU %d, %.1f ms busy every %.1f ms (%.0f%% of the CPU)\n", cpu, busy * 1e3, period * 1e3,
           100 * busy / period);
    fflush(stdout);
    double start = now(CLOCK_MONOTONIC);
    double cpu0 = now(CLOCK_PROCESS_CPUTIME_ID);
    volatile unsigned long sink = 0;
    for (double next = start; !stop; next += period) {
        /* a fixed amount of work per period, as a daemon's: busy_ms of CPU time, or until the period ends */
        double work0 = now(CLOCK_THREAD_CPUTIME_ID);
        while (now(CLOCK_THREAD_CPUTIME_ID) - work0 < busy && now(CLOCK_MONOTONIC) < next + period) {
            for (int i = 0; i < 1000; i++) {
                sink += i * 2654435761u;
            }
        }
        double wake = next + period;
        double left = wake - now(CLOCK_MONOTONIC);
        if (left > 0) {
            struct timespec t = {(time_t) left, (long) ((left - (time_t) left) * 1e9)};
            nanosleep(&t, NULL);
        }
        if (seconds > 0 && now(CLOCK_MONOTONIC) - start >= seconds) {
            break;
        }
    }
    double wall = now(CLOCK_MONOTONIC) - start;
    printf("burst: took %.1f%% of CPU %d over %.1f s\n", 100 * (now(CLOCK_PROCESS_CPUTIME_ID) - cpu0) / wall, cpu, wall);
    return (int) (sink & 0);
}
