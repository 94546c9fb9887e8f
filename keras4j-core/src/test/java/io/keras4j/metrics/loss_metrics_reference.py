"""Reference values for LossMetricsTest, from Keras 3's loss formulas written with numpy only.

Run: python3 loss_metrics_reference.py. Each metric is streamed over two batches (2 and 1
samples) and is the weighted mean of its per-sample values: sum(w * v) / sum(w), w = 1 when
unweighted. Inputs are typed the same way in LossMetricsTest.java; math is float64 on
float32-rounded inputs.
"""

import numpy as np

f32 = np.float32
EPS = 1e-7


def a(x):
    return np.asarray(np.asarray(x, f32), np.float64)


def show(name, v):
    print(f"{name} = {float(v):.9g}")


def stream(fn, batches, weights=None, masks=None):
    tot = cnt = 0.0
    for i, (t, p) in enumerate(batches):
        v = np.asarray(fn(a(t), a(p)), np.float64).ravel()
        w = np.ones_like(v) if weights is None else a(weights[i]).ravel()
        if masks is not None:
            w = w * a(masks[i]).ravel()
        tot += (w * v).sum()
        cnt += w.sum()
    return tot / cnt


def bce(t, p, from_logits=False, s=0.0):
    t = t * (1 - s) + 0.5 * s
    if from_logits:
        e = np.maximum(p, 0) - p * t + np.log1p(np.exp(-np.abs(p)))
    else:
        p = np.clip(p, EPS, 1 - EPS)
        e = -(t * np.log(p) + (1 - t) * np.log(1 - p))
    return e.mean(-1)


def log_softmax(z, axis=-1):
    m = z.max(axis, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis, keepdims=True))


def cce(t, p, from_logits=False, s=0.0, axis=-1):
    n = t.shape[axis]
    t = t * (1 - s) + s / n
    if from_logits:
        return -(t * log_softmax(p, axis)).sum(axis)
    p = p / p.sum(axis, keepdims=True)
    p = np.clip(p, EPS, 1 - EPS)
    return -(t * np.log(p)).sum(axis)


def scce(labels, p, from_logits=False):
    labels = labels.astype(int).reshape(-1)
    return cce(np.eye(p.shape[-1])[labels], p, from_logits)


def kld(t, p):
    t = np.clip(t, EPS, 1)
    p = np.clip(p, EPS, 1)
    return (t * np.log(t / p)).sum(-1)


def poisson(t, p):
    return (p - t * np.log(p + EPS)).mean(-1)


def signed(t):
    return 2 * t - 1 if np.all((t == 0) | (t == 1)) else t


def hinge(t, p):
    return np.maximum(1 - signed(t) * p, 0).mean(-1)


def squared_hinge(t, p):
    return (np.maximum(1 - signed(t) * p, 0) ** 2).mean(-1)


def categorical_hinge(t, p):
    pos = (t * p).sum(-1)
    neg = ((1 - t) * p).max(-1)
    return np.maximum(neg - pos + 1, 0)


def cosine(t, p, axis=-1):
    def norm(x):
        return x / np.sqrt(np.maximum((x * x).sum(axis, keepdims=True), EPS * EPS))

    return (norm(t) * norm(p)).sum(axis)


def logcosh(t, p):
    return np.log(np.cosh(p - t)).mean(-1)


P = ([[0.2, 0.7, 0.1], [0.5, 0.3, 0.2]], [[0.0, 0.3, 0.7]])
Z = ([[1.5, -0.5, 0.3], [-2, 0.8, 0.1]], [[0.4, -1.2, 2.5]])
B = ([[0, 1, 0], [1, 1, 0]], [[0, 0, 1]])
T = ([[0, 1, 0], [0, 0, 1]], [[1, 0, 0]])
L = ([1, 2], [0])
K = ([[0.1, 0.6, 0.3], [0, 0.5, 0.5]], [[0.2, 0.2, 0.6]])
C = ([[1, 0, 2], [3, 1, 0]], [[0, 2, 1]])
R = ([[0.8, 0.3, 1.5], [2.5, 1.2, 0.4]], [[0.2, 1.7, 0.9]])
S = (B[0], [[-1, 1, 1]])
X = ([[1, 2, 3], [0.5, -1, 2]], [[0, 0, 0]])
Y = ([[1.5, 1, 3.5], [0, -0.5, 4]], [[1, 0.4, 2.5]])
W = ([1, 3], [2])
M = ([1, 0], [1])

cases = {
    "bce": (bce, B, P),
    "bce_logits_smooth": (lambda t, p: bce(t, p, True, 0.2), B, Z),
    "cce": (cce, T, P),
    "cce_logits_smooth": (lambda t, p: cce(t, p, True, 0.1), T, Z),
    "scce": (scce, L, P),
    "scce_logits": (lambda t, p: scce(t, p, True), L, Z),
    "kld": (kld, K, P),
    "poisson": (poisson, C, R),
    "hinge": (hinge, S, Z),
    "squared_hinge": (squared_hinge, S, Z),
    "categorical_hinge": (categorical_hinge, T, Z),
    "cosine": (cosine, X, Y),
    "logcosh": (logcosh, X, Y),
}
for name, (fn, tt, pp) in cases.items():
    batches = list(zip(tt, pp))
    show(name, stream(fn, batches))
    show(name + "_w", stream(fn, batches, W))

# Masks multiply the weights.
show("poisson_w_mask", stream(poisson, list(zip(C, R)), W, M))
# ignore_class=2 drops the second sample of batch 1 (weight 0), with and without weights.
IGN = ([1, 0], [1])
show("scce_ignore2", stream(scce, list(zip(L, P)), IGN))
show("scce_ignore2_w", stream(scce, list(zip(L, P)), W, IGN))
# CategoricalCrossentropy along axis 0 of a (3, 2) batch: 2 values, unweighted.
show("cce_axis0", cce(a([[0, 1], [1, 0], [0, 0]]), a([[0.2, 0.5], [0.6, 0.3], [0.2, 0.2]]), axis=0).mean())
# CosineSimilarity along axis 0 of X[0], Y[0] (shape (2, 3)): 3 values, unweighted.
show("cosine_axis0", cosine(a(X[0]), a(Y[0]), axis=0).mean())
