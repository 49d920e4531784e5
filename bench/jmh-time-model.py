#!/usr/bin/env python3
"""The wall-time model of `corescope jmh` against plain JMH (docs/jmh.md, "The time it saves").

An event simulation of the scheduler (JmhScheduler) on N CPUs, every fork the same length, against plain JMH
(one host JVM, one fork after another). Pure computation: it times nothing.

A plain JMH fork: its JVM starting and JMH's set-up (START), the warm-up and measured iterations, its end (END).
A corescope job: its warm host's own work first (HOST: ~0.1 s; --host 0.6 for a fresh host JVM per job), then the
same fork. The queue is longest first (here: all the
same); controls are queued jobs made controls (JmhControls.place: the first job, then one at random in each of
equal stretches of the first three quarters of the queue, a level apart). A control starts when nothing runs (the
jobs before it drain), and the other CPUs stay idle until it has measured K_ALONE iterations (its host, its fork's
start, its warm-up and those iterations: the hold); then the level fills again.

usage: bench/jmh-time-model.py [--results 38] [--cpus 2] [--controls 4] [--wi 3] [--i 5] [--w 1] [--r 1]
                               [--host 0.1] [--start 0.9] [--end 0.4] [--overhead 3.6] [--seed 1] [--runs 200]
"""
import argparse
import heapq
import random
import statistics


def positions(n, count, width, rng):
    """JmhControls.place: the first job, then one at random within each of count-1 stretches of the first 3/4."""
    if count <= 0:
        return []
    chosen = [0]
    within = max(1, -(-3 * n // 4))
    rest = [k for k in range(1, n) if k < within] or list(range(1, n))
    more = min(count - 1, len(rest))
    after = 0
    for s in range(more):
        lo_s = s * len(rest) // more
        hi_s = max(lo_s + 1, (s + 1) * len(rest) // more)
        lo = min(max(lo_s, after), hi_s - 1)
        pick = lo + rng.randrange(hi_s - lo)
        chosen.append(rest[pick])
        after = pick + width + 1
    return sorted(set(chosen))


def corescope(a, controls, rng):
    fork = a.start + a.wi * a.w + a.i * a.r + a.end
    job = a.host + fork
    hold = a.host + a.start + a.wi * a.w + max(1, a.i // 2) * a.r
    ctl = set(positions(a.results, controls, a.cpus, rng))
    free = [0.0] * a.cpus           # when each CPU frees up
    held_until = 0.0                # nothing else may start before this (a control's hold)
    idle = 0.0
    for k in range(a.results):
        if k in ctl:
            start = max(max(free), held_until)        # drain: every CPU free
            for c in range(a.cpus):
                idle += start - free[c]
            c0 = min(range(a.cpus), key=lambda c: free[c])
            free = [start + hold if c != c0 else start + job for c in range(a.cpus)]
            idle += (a.cpus - 1) * hold
            held_until = start + hold
        else:
            c = min(range(a.cpus), key=lambda x: free[x])
            start = max(free[c], held_until)
            idle += start - free[c]
            free[c] = start + job
    end = max(free)
    idle += sum(end - f for f in free)
    return a.overhead + end, idle


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--results", type=int, default=38)
    p.add_argument("--cpus", type=int, default=2)
    p.add_argument("--controls", type=int, default=4)
    p.add_argument("--wi", type=int, default=3)
    p.add_argument("--i", type=int, default=5)
    p.add_argument("--w", type=float, default=1.0)
    p.add_argument("--r", type=float, default=1.0)
    p.add_argument("--host", type=float, default=0.1, help="a job's host overhead, s (a fresh host JVM: 0.6)")
    p.add_argument("--start", type=float, default=0.9, help="a fork's JVM start and JMH's set-up, s")
    p.add_argument("--end", type=float, default=0.4, help="a fork's end and its host's bookkeeping, s")
    p.add_argument("--overhead", type=float, default=3.6,
                   help="corescope's own start, plan and auto check, the warm hosts' first start, s")
    p.add_argument("--runs", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    fork = a.start + a.wi * a.w + a.i * a.r + a.end
    plain = 0.6 + a.results * fork  # one host JVM
    rng = random.Random(a.seed)
    walls, idles = [], []
    for _ in range(a.runs):
        w, i = corescope(a, a.controls, rng)
        walls.append(w)
        idles.append(i)
    ideal = a.overhead + a.results * (a.host + fork) / a.cpus
    print(f"fork {fork:.1f} s, corescope job {a.host + fork:.1f} s; plain JMH {plain:.1f} s")
    print(f"corescope without controls: {ideal:.1f} s = {ideal / plain:.3f} x plain")
    print(f"corescope with {a.controls} controls: {statistics.mean(walls):.1f} s (min {min(walls):.1f}, max "
          f"{max(walls):.1f}) = {statistics.mean(walls) / plain:.3f} x plain (max {max(walls) / plain:.3f}); "
          f"CPU idle {statistics.mean(idles):.1f} CPU-s")


if __name__ == "__main__":
    main()
