"""Writes the small fixtures of the dataset loaders' tests (in Keras's real file formats) and the
values Keras's load_data gives on them, computed here by a transcription of Keras 3's loaders
(keras/src/datasets/*.py) with numpy. Run from this directory: python3 datasets_fixtures.py"""

import gzip
import io
import json
import pickle
import struct
import tarfile

import numpy as np

OUT = "datasets/"
expected = {}


def split(x, y, test_split, seed, version=None):
    # boston_housing / california_housing load_data after np.load
    if version == "small":
        x, y = x[:600], y[:600]
    rng = np.random.RandomState(seed)
    indices = np.arange(len(x))
    rng.shuffle(indices)
    x, y = x[indices], y[indices]
    n = int(len(x) * (1 - test_split))
    return (x[:n], y[:n]), (x[n:], y[n:])


def tab(name, parts):
    (xt, yt), (xs, ys) = parts
    expected[name] = {
        "x_train": xt.astype("float32").ravel().tolist(),
        "y_train": yt.astype("float32").ravel().tolist(),
        "x_test": xs.astype("float32").ravel().tolist(),
        "y_test": ys.astype("float32").ravel().tolist(),
    }


g = np.random.RandomState(20261206)

# boston_housing.npz: x float64 (n, 13), y float64 (n,) as Keras's file
bx = np.round(g.uniform(0, 100, size=(23, 13)), 3)
by = np.round(g.uniform(5, 50, size=(23,)), 1)
np.savez(OUT + "boston_housing.npz", x=bx, y=by)
tab("boston_default", split(bx, by, 0.2, 113))
tab("boston_0.3_7", split(bx, by, 0.3, 7))

# california_housing.npz: x (n, 8), y (n,); 650 rows so that "small" (the first 600) differs
cx = g.uniform(-120, 120, size=(650, 8)).astype("float32")
cy = np.round(g.uniform(15000, 500000, size=(650,))).astype("float32")
np.savez(OUT + "california_housing.npz", x=cx, y=cy)
for v in ("large", "small"):
    (xt, yt), (xs, ys) = split(cx, cy, 0.2, 113, v)
    expected["california_" + v] = {
        "n_train": len(xt),
        "n_test": len(xs),
        "y_train_first": yt[:5].tolist(),
        "y_test_last": ys[-5:].tolist(),
        "x_train_sum": float(xt.astype("float64").sum()),
        "x_test_row0": xs[0].tolist(),
    }

# mnist.npz: uint8 images (n, 28, 28) and uint8 labels
mx = {p: g.randint(0, 256, size=(n, 28, 28)).astype("uint8") for p, n in (("train", 7), ("test", 3))}
my = {p: g.randint(0, 10, size=(n,)).astype("uint8") for p, n in (("train", 7), ("test", 3))}
np.savez(OUT + "mnist.npz", x_train=mx["train"], y_train=my["train"], x_test=mx["test"], y_test=my["test"])
expected["mnist"] = {
    "y_train": my["train"].tolist(),
    "y_test": my["test"].tolist(),
    "x_train_sum": int(mx["train"].astype("int64").sum()),
    "x_test_pixels": [int(mx["test"][2, 27, 0]), int(mx["test"][1, 13, 14])],
}

# reuters.npz: x an object array of lists (ragged), y int64 topics
lengths = [5, 0, 9, 3, 12, 1, 7, 4, 6, 2, 10, 8, 3, 5, 1]
rx = np.empty(len(lengths), dtype=object)
for i, n in enumerate(lengths):
    rx[i] = [int(w) for w in g.randint(1, 30, size=n)]
ry = g.randint(0, 46, size=len(lengths)).astype("int64")
np.savez(OUT + "reuters.npz", x=rx, y=ry)


def reuters(xs, labels, num_words=None, skip_top=0, maxlen=None, test_split=0.2, seed=113,
            start_char=1, oov_char=2, index_from=3):
    rng = np.random.RandomState(seed)
    indices = np.arange(len(xs))
    rng.shuffle(indices)
    xs = xs[indices]
    labels = labels[indices]
    if start_char is not None:
        xs = [[start_char] + [w + index_from for w in x] for x in xs]
    elif index_from:
        xs = [[w + index_from for w in x] for x in xs]
    if maxlen:
        new_x, new_y = [], []
        for x, y in zip(xs, labels):
            if len(x) < maxlen:
                new_x.append(x)
                new_y.append(y)
        xs, labels = new_x, new_y
    if not num_words:
        num_words = max(max(x) for x in xs)
    if oov_char is not None:
        xs = [[w if skip_top <= w < num_words else oov_char for w in x] for x in xs]
    else:
        xs = [[w for w in x if skip_top <= w < num_words] for x in xs]
    idx = int(len(xs) * (1 - test_split))
    return {"x_train": xs[:idx], "y_train": [int(v) for v in labels[:idx]],
            "x_test": xs[idx:], "y_test": [int(v) for v in labels[idx:]]}


expected["reuters_default"] = reuters(rx, ry)
expected["reuters_options"] = reuters(rx, ry, num_words=20, skip_top=4, maxlen=9, test_split=0.3, seed=7)
expected["reuters_no_start_no_oov"] = reuters(rx, ry, num_words=15, start_char=None, oov_char=None,
                                              index_from=0, test_split=0.5, seed=0)
with open(OUT + "reuters_word_index.json", "w") as f:
    json.dump({"the": 1, "of": 2, "to": 3, "said": 5, "and": 4}, f)


# cifar-100-python.tar.gz: the pickles of Python 2 (protocol 2, str keys and data as byte strings)
def py2_string(b):
    return (b"U" + bytes([len(b)]) if len(b) < 256 else b"T" + struct.pack("<i", len(b))) + b


def py2_int(v):
    if v < 256:
        return b"K" + bytes([v])
    if v < 65536:
        return b"M" + struct.pack("<H", v)
    return b"J" + struct.pack("<i", v)


def py2_pickle(items):
    """dict of key -> uint8 2-D array | list of ints | list of byte strings, as cPickle wrote."""
    out = bytearray(b"\x80\x02}q\x01(")
    for key, value in items:
        out += py2_string(key)
        if isinstance(value, np.ndarray):
            out += b"cnumpy.core.multiarray\n_reconstruct\nq\x02cnumpy\nndarray\nq\x03"
            out += b"K\x00\x85U\x01b\x87Rq\x04(K\x01" + py2_int(value.shape[0])
            out += py2_int(value.shape[1]) + b"\x86cnumpy\ndtype\nq\x05U\x02u1K\x00K\x01\x87Rq\x06"
            out += b"(K\x03U\x01|NNNJ\xff\xff\xff\xffJ\xff\xff\xff\xffK\x00tb\x89"
            out += py2_string(value.tobytes()) + b"tb"
        else:
            out += b"](" + b"".join(py2_string(v) if isinstance(v, bytes) else py2_int(v) for v in value)
            out += b"e"
    out += b"u."
    return bytes(out)


def batch(n):
    data = g.randint(0, 256, size=(n, 3072)).astype("uint8")
    fine = [int(v) for v in g.randint(0, 100, size=n)]
    coarse = [v // 5 for v in fine]
    return data, fine, coarse


tr = batch(4)
te = batch(3)
train_pickle = py2_pickle([(b"filenames", [b"a_%d.png" % i for i in range(4)]), (b"batch_label", [b"training batch 1 of 1"]),
                           (b"fine_labels", tr[1]), (b"coarse_labels", tr[2]), (b"data", tr[0])])
# the test file as Python 3 writes protocol 2 (bytes as _codecs.encode calls), to read both forms
test_pickle = pickle.dumps({b"fine_labels": te[1], b"coarse_labels": te[2], b"data": te[0]}, protocol=2)
meta_pickle = py2_pickle([(b"fine_label_names", [b"apple", b"aquarium_fish"]), (b"coarse_label_names", [b"fish"])])
for name, blob in (("train", train_pickle), ("test", test_pickle)):
    d = pickle.loads(blob, encoding="bytes")  # Keras's cifar.load_batch
    data = d[b"data"].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)
    expected["cifar100_" + name] = {
        "x": data.ravel().astype("int64").tolist()[:100] + data.ravel().astype("int64").tolist()[-100:],
        "x_sum": int(data.astype("int64").sum()),
        "fine": [int(v) for v in d[b"fine_labels"]],
        "coarse": [int(v) for v in d[b"coarse_labels"]],
    }
with tarfile.open(OUT + "cifar-100-python.tar.gz", "w:gz", format=tarfile.GNU_FORMAT) as t:
    for name, blob in (("meta", meta_pickle), ("train", train_pickle), ("test", test_pickle)):
        info = tarfile.TarInfo("cifar-100-python/" + name)
        info.size = len(blob)
        t.addfile(info, io.BytesIO(blob))

with open(OUT + "expected.json", "w") as f:
    json.dump(expected, f)
