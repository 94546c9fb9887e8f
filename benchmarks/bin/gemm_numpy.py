"""Prints numpy's (OpenBLAS) sgemm GFLOP/s as JSON lines, same shapes and format as GemmGflops.

Usage: gemm_numpy.py THREADS ROUNDS SHAPE...  (set OPENBLAS_NUM_THREADS before starting python:
OpenBLAS reads it once, at load).
"""
import json
import sys
import time

import numpy as np


def parse(spec):
    dims, _, flags = spec.partition(":")
    m, k, n = (int(d) for d in dims.split("x"))
    return m, k, n, "tA" in flags, "tB" in flags


def best_seconds(spec, rounds):
    m, k, n, trans_a, trans_b = parse(spec)
    rng = np.random.default_rng(1)
    a = rng.uniform(-1, 1, (k, m) if trans_a else (m, k)).astype(np.float32)
    b = rng.uniform(-1, 1, (n, k) if trans_b else (k, n)).astype(np.float32)
    c = np.empty((m, n), np.float32)
    op_a = a.T if trans_a else a  # a view: BLAS gets the transpose flag, no copy
    op_b = b.T if trans_b else b
    deadline = time.perf_counter() + 1.0
    calls = 0
    while time.perf_counter() < deadline or calls < 3:
        np.matmul(op_a, op_b, out=c)
        calls += 1
    per_round = max(1, int(calls * 10e-3))
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(per_round):
            np.matmul(op_a, op_b, out=c)
        best = min(best, (time.perf_counter() - start) / per_round)
    return best, 2.0 * m * n * k


def main():
    threads, rounds, shapes = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    for spec in shapes:
        seconds, flops = best_seconds(spec, rounds)
        line = {"shape": spec, "threads": threads, "gflops": round(flops / seconds / 1e9, 1)}
        print(json.dumps(line, separators=(",", ":")), flush=True)


if __name__ == "__main__":
    main()
