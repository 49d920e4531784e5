#!/usr/bin/env python3
"""The table of bench/certify.sh: per round the references and every assessment, then the must-holds counted.

usage: certify-table.py OUT_DIR ROUNDS
"""
import json
import os
import re
import sys

out, rounds = sys.argv[1], int(sys.argv[2])


def load(label):
    try:
        d = json.load(open(os.path.join(out, label + ".json")))
        a = d["analysis"]["algorithms"][0]
        c = a["certification"]
        wall = int(open(os.path.join(out, label + ".wall_ms")).read()) / 1000
        speed = (c.get("speed") or {}).get("speedup")
        harness = (c.get("harness") or {}).get("share")
        return dict(level=c["level"], status=c["status"], verdict=c["verdict"], wall=wall, speed=speed,
                    harness=harness, e2e=(d["analysis"].get("endToEnd") or {}).get("ratio"))
    except Exception:
        return None


def c_ratio(r):
    vals = {}
    try:
        for line in open(os.path.join(out, f"ref-{r}-c.txt")):
            m = re.match(r"k=(\d).*mean=([\d.]+).*sd=([\d.]+)", line)
            if m:
                vals[int(m.group(1))] = float(m.group(2))
    except OSError:
        return None
    return vals[2] / vals[1] if 1 in vals and 2 in vals else None


def jmh_ratio(r, bench):
    try:
        s = [json.load(open(os.path.join(out, f"ref-{r}-{bench}-t{t}.json")))[0]["primaryMetric"]["score"] for t in (1, 2)]
    except Exception:
        return None
    return s[1] / s[0]  # average time per op (ms/op): 2 threads over 1


def fmt(x, f="{:.3f}"):
    return "-" if x is None else f.format(x)


print(open(os.path.join(out, "machine.txt")).read().strip())
print()
print("| round | C mm 2/1 | JMH matmul t2/t1 | JMH sort t2/t1 | refs clean | matmul --workers 2 | matmul auto | "
      "sort --workers 2 | sort auto | long auto/one wall | busy --workers 2 | busy auto |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
clean_rounds, holds = [], {"two": 0, "auto2": 0, "long": [], "busy": 0, "busy_rounds": 0}
for r in range(1, rounds + 1):
    c = c_ratio(r)
    jm, js = jmh_ratio(r, "MatmulNaiveBench"), jmh_ratio(r, "SortMergeBench")
    refs_clean = c is not None and abs(c - 1) <= 0.03 and all(j is None or abs(j - 1) <= 0.05 for j in (jm, js))
    cells = []
    ok_two = ok_auto = True
    for name in ("matmul-naive", "sort-merge"):
        two, auto = load(f"{name}-two-{r}"), load(f"{name}-auto-{r}")
        cells.append("missing" if not two else f"{two['status']} ({fmt(two['speed'], '{:.2f}x')})")
        cells.append("missing" if not auto else f"{auto['level']}: {auto['status']}")
        ok_two &= bool(two) and two["status"] == "certified"
        ok_auto &= bool(auto) and auto["level"] == 2 and auto["status"] == "certified"
    la, lo = load(f"long-auto-{r}"), load(f"long-one-{r}")
    ratio = la["wall"] / lo["wall"] if la and lo else None
    bt, ba = load(f"busy-two-{r}"), load(f"busy-auto-{r}")
    if bt or ba:
        holds["busy_rounds"] += 1
        if bt and bt["status"] != "certified" and ba and ba["level"] == 1:
            holds["busy"] += 1
    if refs_clean:
        clean_rounds.append(r)
        holds["two"] += ok_two
        holds["auto2"] += ok_auto
    if la and la["status"] == "certified" and ratio is not None:
        holds["long"].append(ratio)
    print(f"| {r} | {fmt(c)} | {fmt(jm)} | {fmt(js)} | {'yes' if refs_clean else 'no'} | " + " | ".join(cells)
          + f" | {fmt(ratio, '{:.2f}')} ({la['level'] if la else '-'}: {la['status'] if la else '-'}) | "
          + ("-" if not bt else bt["status"]) + " | " + ("-" if not ba else f"{ba['level']}: {ba['status']}") + " |")
print()
n = len(clean_rounds)
print(f"rounds where the references see 2 workers clean: {n} of {rounds} {clean_rounds}")
if n:
    print(f"  --workers 2 certified for both workloads: {holds['two']}/{n} (must be >= 80%)")
    print(f"  auto ends at 2, certified, for both workloads: {holds['auto2']}/{n} (as often)")
print(f"  long assessment, auto over --workers 1 wall, certified rounds: "
      + (", ".join(f"{x:.2f}" for x in holds["long"]) or "none") + " (must be <= 0.62)")
if holds["busy_rounds"]:
    print(f"  with interference: --workers 2 not certified and auto at one worker in {holds['busy']}/{holds['busy_rounds']} "
          f"rounds (must be >= 4 of 5)")
print("outputs in", out)
