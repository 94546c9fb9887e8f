"""Prints the GB/s table of ArrayOpsBenchmark from its JMH JSON results.

GB/s = bytes read and written per call (ArrayOpsBenchmark.bytes) / time per call. The last column
is the polluted JVM's time over the fresh JVM's (1.00 = no slowdown from the other ops).
"""
import json
import sys

BYTES = {
    "sum": 4, "copy": 8, "transpose": 8, "concatenate": 8, "take": 8, "pad": 8, "takeBackward": 8,
    "broadcastTo": 4, "normal": 4, "scatterAdd": 8, "oneHot": 4 + 4 / 16, "adam": 28,
    "rmsprop": 20, "sgdMomentum": 20,
}


def main():
    rows = {}
    order = []
    for r in json.load(open(sys.argv[1])):
        p = r["params"]
        key = (p["op"], int(p["size"]))
        if key not in order:
            order.append(key)
        rows[key + (p["polluted"],)] = r["primaryMetric"]["score"]  # us per call
    print("| op | floats | fresh us | fresh GB/s | polluted us | polluted GB/s | polluted/fresh |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for op, size in sorted(order, key=lambda k: (k[1], order.index(k))):
        fresh = rows.get((op, size, "false"))
        dirty = rows.get((op, size, "true"))
        def gbs(us):
            return BYTES[op] * size / (us * 1e3) if us else float("nan")
        ratio = dirty / fresh if fresh and dirty else float("nan")
        print(f"| {op} | {size:,} | {fresh:.2f} | {gbs(fresh):.1f} | {dirty:.2f} | {gbs(dirty):.1f}"
              f" | {ratio:.2f} |")


if __name__ == "__main__":
    main()
