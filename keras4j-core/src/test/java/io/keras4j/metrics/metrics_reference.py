"""Reference values for the keras4j metrics tests, written from Keras 3's formulas with numpy only.

Run: python3 metrics_reference.py. Every number asserted in *Test.java that is not a hand
computation or a Keras docstring example comes from here. The inputs are small decimals typed
the same way in the Java tests. Accumulation is float64; thresholds and comparisons float32 as in
Keras (prediction > threshold is positive, a nonzero label is positive).
"""

import numpy as np

np.set_printoptions(precision=8, suppress=True)
f32 = np.float32
EPS = 1e-7


def show(name, v):
    print(f"{name} = {np.array2string(np.asarray(v, dtype=np.float64), separator=', ', precision=8)}")


# ---- confusion counts by plain comparison ------------------------------------------------------
def counts(y, p, w, thresholds):
    """tp, fp, tn, fn per threshold, all inputs flattened."""
    y = np.asarray(y, np.float64).ravel() != 0
    p = np.asarray(p, f32)
    w = np.ones(p.size) if w is None else np.broadcast_to(np.asarray(w, np.float64), p.shape).ravel()
    p = p.ravel()
    th = np.asarray(thresholds, f32)
    pos = p[None, :] > th[:, None]
    tp = (pos & y).astype(float) @ w
    fp = (pos & ~y).astype(float) @ w
    fn = (~pos & y).astype(float) @ w
    tn = (~pos & ~y).astype(float) @ w
    return tp, fp, tn, fn


def dnn(a, b):
    a = np.asarray(a, np.float64)
    b = np.asarray(b, np.float64)
    out = np.zeros(np.broadcast(a, b).shape)
    np.divide(a, b, out=out, where=b != 0)
    return out


def auc_thresholds(n):
    return [0 - EPS] + [(i + 1) / (n - 1) for i in range(n - 2)] + [1 + EPS]


def auc_from_counts(tp, fp, tn, fn, curve="ROC", method="interpolation"):
    if curve == "PR" and method == "interpolation":
        # Davis & Goadrich, Keras's closed form
        dtp = tp[:-1] - tp[1:]
        p = tp + fp
        dp = p[:-1] - p[1:]
        slope = dnn(dtp, np.maximum(dp, 0))
        intercept = tp[1:] - slope * p[1:]
        ratio = np.where((p[:-1] > 0) & (p[1:] > 0), dnn(p[:-1], np.maximum(p[1:], 0)), 1.0)
        return np.sum(dnn(slope * (dtp + intercept * np.log(ratio)), np.maximum(tp[1:] + fn[1:], 0)))
    recall = dnn(tp, tp + fn)
    if curve == "ROC":
        x, y = dnn(fp, fp + tn), recall
    else:
        x, y = recall, dnn(tp, tp + fp)
    if method == "interpolation":
        h = (y[:-1] + y[1:]) / 2
    elif method == "minoring":
        h = np.minimum(y[:-1], y[1:])
    else:
        h = np.maximum(y[:-1], y[1:])
    return np.sum((x[:-1] - x[1:]) * h)


# Shared inputs (typed identically in the Java tests).
Y1 = [1, 0, 1, 1, 0, 0, 1, 0]
P1 = [0.81, 0.35, 0.42, 0.97, 0.06, 0.64, 0.28, 0.5]
W1 = [1.0, 2.0, 0.5, 1.5, 1.0, 0.0, 2.0, 1.0]
Y2 = [0, 1, 1, 0, 1, 0]
P2 = [0.42, 0.73, 0.0, 0.91, 1.0, 0.15]
W2 = [0.5, 1.0, 1.0, 2.0, 1.5, 1.0]
Y = Y1 + Y2
P = P1 + P2
W = W1 + W2

print("# TP/FP/TN/FN, thresholds [0.3, 0.5, 0.9], two batches")
tp, fp, tn, fn = counts(Y, P, None, [0.3, 0.5, 0.9])
show("tp", tp); show("fp", fp); show("tn", tn); show("fn", fn)
tp, fp, tn, fn = counts(Y, P, W, [0.3, 0.5, 0.9])
show("tp_w", tp); show("fp_w", fp); show("tn_w", tn); show("fn_w", fn)
print("# Precision / Recall at [0.3, 0.5, 0.9] weighted")
show("precision_w", dnn(tp, tp + fp)); show("recall_w", dnn(tp, tp + fn))
print("# Precision / Recall evenly spaced [0, 0.5, 1] unweighted (Keras's bucketed path)")
tp, fp, tn, fn = counts(Y, P, None, [0.0, 0.5, 1.0])
show("precision_even", dnn(tp, tp + fp)); show("recall_even", dnn(tp, tp + fn))

print("# AUC, 200 thresholds")
th = auc_thresholds(200)
c = counts(Y, P, None, th)
for curve, method in [("ROC", "interpolation"), ("ROC", "minoring"), ("ROC", "majoring"),
                      ("PR", "interpolation"), ("PR", "minoring"), ("PR", "majoring")]:
    show(f"auc_{curve}_{method}", auc_from_counts(*c, curve, method))
cw = counts(Y, P, W, th)
show("auc_ROC_weighted", auc_from_counts(*cw))
show("auc_PR_weighted", auc_from_counts(*cw, "PR"))
print("# AUC, explicit thresholds [0.25, 0.5, 0.8] (plain comparisons) ROC and PR")
c = counts(Y, P, None, [0 - EPS, 0.25, 0.5, 0.8, 1 + EPS])
show("auc_manual_ROC", auc_from_counts(*c)); show("auc_manual_PR", auc_from_counts(*c, "PR"))

print("# AUC from logits: logit(p) typed as below")
L = [2.0, -1.5, 0.3, 0.0, -3.0, 1.2, -0.4, 4.0]
LY = [1, 0, 1, 0, 0, 1, 0, 1]
sig = 1 / (1 + np.exp(-np.asarray(L, np.float64)))
show("auc_logits", auc_from_counts(*counts(LY, sig.astype(f32), None, th)))

print("# AUC multi-label, 2 batches of (3, 3), label weights [1, 2, 0.5]")
MY1 = [[1, 0, 1], [0, 1, 0], [1, 1, 0]]
MP1 = [[0.9, 0.2, 0.6], [0.3, 0.8, 0.1], [0.7, 0.4, 0.45]]
MY2 = [[0, 0, 1], [1, 1, 0], [0, 1, 1]]
MP2 = [[0.1, 0.55, 0.35], [0.6, 0.3, 0.2], [0.5, 0.65, 0.95]]
MW1 = [1.0, 0.5, 2.0]
MW2 = [1.5, 1.0, 0.0]
MY = np.array(MY1 + MY2)
MP = np.array(MP1 + MP2)
MW = np.array(MW1 + MW2)
by_label = []
by_label_w = []
for l in range(3):
    by_label.append(auc_from_counts(*counts(MY[:, l], MP[:, l], None, th)))
    by_label_w.append(auc_from_counts(*counts(MY[:, l], MP[:, l], MW, th)))
show("multi_by_label", by_label)
show("multi_mean", np.mean(by_label))
lw = np.array([1, 2, 0.5])
show("multi_label_weighted", np.sum(np.array(by_label) * lw) / lw.sum())
show("multi_sample_weighted", np.mean(by_label_w))
pr = [auc_from_counts(*counts(MY[:, l], MP[:, l], None, th), "PR") for l in range(3)]
show("multi_pr_mean", np.mean(pr))
print("# AUC pooled (multi_label=False) on the same data, label weights [1, 2, 0.5] per column")
show("pooled", auc_from_counts(*counts(MY, MP, None, th)))
show("pooled_label_weights", auc_from_counts(*counts(MY, MP, np.broadcast_to(lw, MY.shape), th)))

print("# Precision/Recall topK=2 (multi-class rows), and classId=1")
CY = np.array(MY1 + MY2)
CP = np.array(MP1 + MP2, dtype=f32)
def top_k_filter(x, k):
    out = np.full(x.shape, f32(-1e10))
    for r in range(x.shape[0]):
        idx = np.argsort(-x[r], kind="stable")[:k]
        out[r, idx] = x[r, idx]
    return out
tp, fp, tn, fn = counts(CY, top_k_filter(CP, 2), None, [-1e10])
show("precision_top2", dnn(tp, tp + fp)); show("recall_top2", dnn(tp, tp + fn))
tp, fp, tn, fn = counts(CY, top_k_filter(CP, 2), None, [0.5])
show("precision_top2_t05", dnn(tp, tp + fp))
tp, fp, tn, fn = counts(CY[:, 1], CP[:, 1], np.concatenate([MW1, MW2]), [0.5])
show("precision_class1_w", dnn(tp, tp + fp)); show("recall_class1_w", dnn(tp, tp + fn))
tp, fp, tn, fn = counts(CY[:, 1], top_k_filter(CP, 1)[:, 1], None, [-1e10])
show("precision_top1_class1", dnn(tp, tp + fp))

print("# F-scores on MY/MP (two batches), threshold None (argmax) and 0.5, weights MW")
def fbeta(y, p, w, beta, threshold, average):
    y = np.asarray(y, np.float64); p = np.asarray(p, np.float64)
    if threshold is None:
        pred = ((p >= p.max(axis=-1, keepdims=True)) & (np.abs(p) > 1e-9)).astype(float)
    else:
        pred = (p > threshold).astype(float)
    w = np.ones((y.shape[0], 1)) if w is None else np.asarray(w, np.float64)[:, None]
    axis = None if average == "micro" else 0
    tp = np.sum(pred * y * w, axis=axis); fp = np.sum(pred * (1 - y) * w, axis=axis)
    fn = np.sum((1 - pred) * y * w, axis=axis); sup = np.sum(y * w, axis=axis)
    prec = tp / (tp + fp + EPS); rec = tp / (tp + fn + EPS)
    f = prec * rec / (beta**2 * prec + rec + EPS) * (1 + beta**2)
    if average == "weighted":
        return np.sum(f * sup / (np.sum(sup) + EPS))
    if average is not None:
        return np.mean(f)
    return f
for avg in [None, "micro", "macro", "weighted"]:
    show(f"f1_argmax_{avg}", fbeta(MY, MP, None, 1.0, None, avg))
    show(f"f1_t05_w_{avg}", fbeta(MY, MP, MW, 1.0, 0.5, avg))
show("f2_t05_macro", fbeta(MY, MP, None, 2.0, 0.5, "macro"))
show("f05_argmax_none_w", fbeta(MY, MP, MW, 0.5, None, None))

print("# R2 on 2 batches of (3, 2), weights RW")
RY1 = [[1.0, 2.0], [2.5, 0.5], [4.0, 1.0]]
RP1 = [[1.2, 1.5], [2.0, 1.0], [3.5, 1.5]]
RY2 = [[3.0, 3.0], [0.5, 2.5], [2.0, 0.0]]
RP2 = [[2.6, 2.0], [1.0, 2.0], [2.2, 0.5]]
RW = np.array([1.0, 2.0, 0.5, 1.0, 0.0, 1.5])
RY = np.array(RY1 + RY2); RP = np.array(RP1 + RP2)
def r2(y, p, w):
    w = np.ones(y.shape) if w is None else np.broadcast_to(w[:, None], y.shape)
    mean = np.sum(y * w, 0) / np.sum(w, 0)
    ss_tot = np.sum(w * (y - mean) ** 2, 0)
    ss_res = np.sum(w * (y - p) ** 2, 0)
    return 1 - ss_res / ss_tot, ss_tot
raw, tot = r2(RY, RP, None)
show("r2_raw", raw); show("r2_uniform", raw.mean()); show("r2_variance_weighted", np.sum(raw * tot) / tot.sum())
n, k = 6, 2
show("r2_adjusted_k2", 1 - (1 - raw.mean()) * (n - 1) / (n - k - 1))
raw_w, tot_w = r2(RY, RP, RW)
show("r2_weighted_uniform", raw_w.mean())
n = 5  # one sample has weight 0
show("r2_weighted_adjusted_k1", 1 - (1 - raw_w.mean()) * (n - 1) / (n - 1 - 1))

print("# Regression metrics: (2, 3) batches and a (2, 2, 2) batch with (2, 2) weights")
A1 = np.array([[1.0, 2.0, 3.0], [0.5, -1.0, 2.0]]); B1 = np.array([[1.5, 1.0, 3.5], [0.0, -0.5, 4.0]])
A2 = np.array([[2.0, 0.2, 1.0]]); B2 = np.array([[1.0, 0.4, 2.5]])
AW1 = np.array([1.0, 3.0]); AW2 = np.array([2.0])
def wmean(rows, w):
    return np.sum(rows * w) / np.sum(w)
for name, fn_ in [("mse", lambda a, b: np.mean((a - b) ** 2, -1)),
                  ("mae", lambda a, b: np.mean(np.abs(a - b), -1)),
                  ("mape", lambda a, b: 100 * np.mean(np.abs((a - b) / np.maximum(np.abs(a), EPS)), -1)),
                  ("msle", lambda a, b: np.mean((np.log(np.maximum(b, EPS) + 1) - np.log(np.maximum(a, EPS) + 1)) ** 2, -1))]:
    rows = np.concatenate([fn_(A1, B1), fn_(A2, B2)])
    show(name, rows.mean()); show(name + "_w", wmean(rows, np.concatenate([AW1, AW2])))
sq = np.concatenate([((A1 - B1) ** 2).ravel(), ((A2 - B2) ** 2).ravel()])
show("rmse", np.sqrt(sq.mean()))
wel = np.concatenate([np.repeat(AW1, 3), np.repeat(AW2, 3)])
show("rmse_w", np.sqrt(np.sum(sq * wel) / np.sum(wel)))
T3a = np.array([[[1.0, 2.0], [0.0, 1.0]], [[3.0, 1.0], [2.0, 2.0]]])
T3b = np.array([[[0.0, 2.0], [1.0, 3.0]], [[1.0, 1.0], [2.0, 0.0]]])
T3w = np.array([[1.0, 0.0], [2.0, 0.5]])
per_step = np.mean((T3a - T3b) ** 2, -1)  # (2, 2)
show("mse_timesteps_w", np.sum(per_step * T3w) / np.sum(T3w))
