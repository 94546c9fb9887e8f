#!/usr/bin/env python3
"""Prints the fresh-vs-polluted table of ElementwiseBenchmark from JMH JSON results.

Arguments: directories, each with the result.json of one repeat. Times are
the best (smallest) measured iteration of each case over all repeats, which is the least disturbed
by other load on a shared machine; GB/s counts the bytes an op must read and write once.
"""
import json
import sys

ROW = 1024


def bytes_moved(op, n):
    if op == "sum":
        return 4 * n
    if op in ("add", "multiply"):
        return 12 * n
    if op.endswith("_bias"):
        return 8 * n + 4 * ROW
    return 8 * n


def load(paths, state):
    out = {}
    for path in paths:
        for r in json.load(open(path)):
            p = r["params"]
            if p["state"] != state:
                continue
            raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
            key = (p["op"], int(p["size"]))
            out[key] = min(raw + ([out[key]] if key in out else []))
    return out


def main(dirs):
    fresh = load([d + "/result.json" for d in dirs], "fresh")
    polluted = load([d + "/result.json" for d in dirs], "polluted")
    sizes = sorted({s for _, s in fresh}, reverse=True)
    ops = []
    for op, _ in fresh:
        if op not in ops:
            ops.append(op)
    head = "| op |"
    rule = "|---|"
    for s in sizes:
        label = "1M" if s == 1 << 20 else "16K" if s == 1 << 14 else str(s)
        head += f" {label} fresh µs | {label} polluted µs | ratio | {label} GB/s (copy %) |"
        rule += "---:|---:|---:|---:|"
    print(head)
    print(rule)
    worst = 0.0
    for op in ops:
        line = f"| {op} |"
        for s in sizes:
            f = fresh.get((op, s))
            p = polluted.get((op, s))
            c = fresh.get(("copy", s))
            if f is None or p is None:
                line += " | | | |"
                continue
            ratio = p / f
            if op != "copy":
                worst = max(worst, ratio)
            gbs = bytes_moved(op, s) / f / 1e3
            copy_gbs = bytes_moved("copy", s) / c / 1e3 if c else None
            share = f" ({100 * gbs / copy_gbs:.0f}%)" if copy_gbs else ""
            line += f" {f:.1f} | {p:.1f} | {ratio:.2f} | {gbs:.1f}{share} |"
        print(line)
    print()
    print(f"Largest polluted/fresh ratio (ops other than copy): {worst:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
