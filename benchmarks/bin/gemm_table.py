"""Prints the keras4j-versus-numpy GEMM table from lines 'IMPL {json}' written by gemm-vs-numpy.

Each cell is the median over the repeats of one shape, thread count and implementation; the last
ratio compares the best repeats, which on a machine shared with other work is the steadier figure.
"""
import json
import statistics
import sys
from collections import defaultdict


def main():
    runs = defaultdict(list)  # (shape, threads, impl) -> [gflops]
    order = []
    with open(sys.argv[1]) as f:
        for line in f:
            impl, _, payload = line.strip().partition(" ")
            if not payload.startswith("{"):
                continue
            row = json.loads(payload)
            key = (row["shape"], row["threads"])
            if key not in order:
                order.append(key)
            runs[key + (impl,)].append(row["gflops"])
    print("| shape (M x K x N) | threads | keras4j GFLOP/s | numpy GFLOP/s | keras4j/numpy"
          " | ratio of bests | repeats |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for shape, threads in sorted(order, key=lambda k: (k[1], order.index(k))):
        ours = runs.get((shape, threads, "keras4j"), [])
        theirs = runs.get((shape, threads, "numpy"), [])
        if not ours or not theirs:
            continue
        a, b = statistics.median(ours), statistics.median(theirs)
        best = max(ours) / max(theirs)
        print(f"| {shape} | {threads} | {a:.1f} | {b:.1f} | {a / b:.2f} | {best:.2f}"
              f" | {min(len(ours), len(theirs))} |")


if __name__ == "__main__":
    main()
