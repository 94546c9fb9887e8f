"""Reference numbers for ConvLSTMTest: a numpy transcription of Keras 3's ConvLSTMCell and RNN loop.

keras/src/layers/rnn/conv_lstm.py: z = conv(x, kernel; strides, padding, dilation) + bias
+ conv(h, recurrent_kernel; stride 1, "same"); gates i, f, c, o split along the channel axis;
c = sigmoid(f) * c_prev + sigmoid(i) * tanh(z_c); h = sigmoid(o) * tanh(c). A masked step keeps
the previous states and repeats the previous output (zeros before the first), as keras's rnn.
Conv padding "same" as TF/Keras: total = max((out - 1) * s + eff - in, 0), before = total // 2.

Inputs and weights: v[i] = sin(a*i + b) * scale as float32, reshaped (ConvLSTMTest.seqv).
Run: python3 conv_lstm_reference.py > conv_lstm_reference.json
"""
import itertools
import json

import numpy as np


def val(scale, a, b, *shape):
    n = int(np.prod(shape))
    return (np.sin(a * np.arange(n) + b) * scale).astype(np.float32).reshape(shape)


def conv(x, k, strides, padding, dilation):
    """channels_last x [batch, spatial..., cin], k [k..., cin, cout]."""
    rank = x.ndim - 2
    ins = x.shape[1:-1]
    eff = [(k.shape[i] - 1) * dilation[i] + 1 for i in range(rank)]
    if padding == "valid":
        outs = [(ins[i] - eff[i]) // strides[i] + 1 for i in range(rank)]
        pads = [(0, 0)] * rank
    else:
        outs = [(ins[i] - 1) // strides[i] + 1 for i in range(rank)]
        pads = []
        for i in range(rank):
            total = max((outs[i] - 1) * strides[i] + eff[i] - ins[i], 0)
            pads.append((total // 2, total - total // 2))
    xp = np.pad(x.astype(np.float64), [(0, 0)] + pads + [(0, 0)])
    out = np.zeros((x.shape[0],) + tuple(outs) + (k.shape[-1],))
    for pos in itertools.product(*[range(o) for o in outs]):
        acc = np.zeros((x.shape[0], k.shape[-1]))
        for kp in itertools.product(*[range(s) for s in k.shape[:rank]]):
            idx = tuple(pos[i] * strides[i] + kp[i] * dilation[i] for i in range(rank))
            acc += xp[(slice(None),) + idx + (slice(None),)] @ k[kp].astype(np.float64)
        out[(slice(None),) + pos + (slice(None),)] = acc
    return out


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def conv_lstm(x, kernel, rkernel, bias, strides, padding, dilation, mask=None, h0=None, c0=None,
              go_backwards=False):
    rank = x.ndim - 3
    batch, time = x.shape[:2]
    ones = [1] * rank
    f = rkernel.shape[-2]
    out_shape = conv(x[:, 0], kernel, strides, padding, dilation).shape[1:-1]
    h = np.zeros((batch,) + out_shape + (f,)) if h0 is None else h0.astype(np.float64)
    c = np.zeros_like(h) if c0 is None else c0.astype(np.float64)
    last = np.zeros_like(h)
    seq = []
    order = range(time - 1, -1, -1) if go_backwards else range(time)
    for t in order:
        z = conv(x[:, t], kernel, strides, padding, dilation) + bias
        z = z + conv(h, rkernel, ones, "same", ones)
        zi, zf, zc, zo = np.split(z, 4, axis=-1)
        cn = sigmoid(zf) * c + sigmoid(zi) * np.tanh(zc)
        hn = sigmoid(zo) * np.tanh(cn)
        if mask is not None:
            m = mask[:, t].reshape((batch,) + (1,) * (rank + 1)) > 0
            hn = np.where(m, hn, h)
            cn = np.where(m, cn, c)
            out = np.where(m, hn, last)
        else:
            out = hn
        h, c, last = hn, cn, out
        seq.append(out)
    return np.stack(seq, 1), h, c


def flat(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def weights(rank, cin, f, k):
    k = (k,) * rank if isinstance(k, int) else tuple(k)
    return (val(0.5, 0.29, 0.5, *k, cin, 4 * f), val(0.5, 0.17, 0.9, *k, f, 4 * f),
            val(0.3, 0.31, 0.6, 4 * f))


ref = {}
# 1D, same, return_sequences.
x = val(1.0, 0.37, 0.1, 2, 4, 5, 2)
kw = weights(1, 2, 3, 3)
seq, h, c = conv_lstm(x, *kw, [1], "same", [1])
ref["C1_SAME_SEQ"] = flat(seq)
# 1D, valid, last output and states, with a mask and initial states [2, 3, 3].
mask = np.array([[1, 1, 0, 1], [1, 0, 0, 0]], dtype=np.float32)
h0 = val(0.5, 0.53, 0.4, 2, 3, 3)
c0 = val(0.5, 0.61, 0.8, 2, 3, 3)
seq, h, c = conv_lstm(x, *kw, [1], "valid", [1], mask=mask, h0=h0, c0=c0)
ref["C1_VALID_MASK_H"] = flat(h)
ref["C1_VALID_MASK_C"] = flat(c)
ref["C1_VALID_MASK_SEQ"] = flat(seq)
# 1D, valid, dilation 2, go_backwards, last output.
seq, h, c = conv_lstm(x, *kw, [1], "valid", [2], go_backwards=True)
ref["C1_DIL_BACK_H"] = flat(h)
# 2D, same, last output.
x2 = val(1.0, 0.23, 0.2, 2, 3, 4, 4, 2)
kw2 = weights(2, 2, 2, 3)
seq, h, c = conv_lstm(x2, *kw2, [1, 1], "same", [1, 1])
ref["C2_SAME_H"] = flat(h)
# The same in channels_first: input [2, 3, 2, 4, 4], output [2, 2, 4, 4].
ref["C2_SAME_CF_H"] = flat(np.transpose(h, (0, 3, 1, 2)))
# 2D, valid, kernel (2, 3), strides (1, 2), return_sequences.
x3 = val(1.0, 0.41, 0.3, 1, 3, 5, 6, 2)
kw3 = weights(2, 2, 2, (2, 3))
seq, h, c = conv_lstm(x3, *kw3, [1, 2], "valid", [1, 1])
ref["C2_VALID_STRIDES_SEQ"] = flat(seq)
# 3D, same, return_sequences.
x4 = val(1.0, 0.31, 0.7, 1, 2, 3, 4, 3, 1)
kw4 = weights(3, 1, 2, 2)
seq, h, c = conv_lstm(x4, *kw4, [1, 1, 1], "same", [1, 1, 1])
ref["C3_SAME_SEQ"] = flat(seq)
print(json.dumps(ref))
