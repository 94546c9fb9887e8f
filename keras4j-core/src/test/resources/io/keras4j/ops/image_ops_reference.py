"""Reference numbers for ImageOpsTest: a numpy transcription of Keras 3's image ops.

resize: jax.image.resize's weight matrices without antialiasing (triangle kernel at half-pixel
centres, weights normalized over the input, as keras.src.backend.numpy.image.resize calls it);
nearest as tf.image.resize(method="nearest"): floor((o + 0.5) * in / out), clamped.

affine_transform: keras.src.backend.numpy.image.affine_transform and map_coordinates: the input
coordinates of every output pixel, the image padded with numpy's mode for the fill mode (constant,
edge, wrap, reflect for "mirror", symmetric for "reflect") far enough to hold every coordinate,
then spline order 0 (floor(c + 0.5)) or 1 (linear) on the padded image, as scipy's map_coordinates
does there. The divisor k = c0 x + c1 y + 1 is TensorFlow's (1 when c0 = c1 = 0).

Run from this folder: python3 image_ops_reference.py > image_ops_reference.json
"""

import json

import numpy as np


def pattern(shape, seed):
    rng = np.random.default_rng(seed)
    return rng.uniform(-2, 2, size=shape).astype(np.float32)


def resize_weights(n_in, n_out):
    o = np.arange(n_out, dtype=np.float64)
    src = (o + 0.5) * n_in / n_out - 0.5
    w = np.maximum(0.0, 1.0 - np.abs(src[None, :] - np.arange(n_in)[:, None]))
    return w / w.sum(axis=0, keepdims=True)  # (in, out)


def resize(x, h, w, method):
    x = x.astype(np.float64)
    if method == "bilinear":
        wy = resize_weights(x.shape[1], h)
        wx = resize_weights(x.shape[2], w)
        return np.einsum("io,jp,nijc->nopc", wy, wx, x)
    iy = np.minimum(((np.arange(h) + 0.5) * x.shape[1] / h).astype(np.int64), x.shape[1] - 1)
    ix = np.minimum(((np.arange(w) + 0.5) * x.shape[2] / w).astype(np.int64), x.shape[2] - 1)
    return x[:, iy][:, :, ix]


PAD_MODE = {"constant": "constant", "nearest": "edge", "wrap": "wrap", "mirror": "reflect",
            "reflect": "symmetric"}


def map_coordinates(img, cy, cx, order, fill_mode, cval):
    """img (H, W); cy, cx arrays of coordinates: Keras's padding, then order 0/1 sampling."""
    coords = [cy, cx]
    padding = [(max(-int(np.floor(c.min())) + 1, 0), max(int(np.ceil(c.max())) + 1 - s, 0))
               for c, s in zip(coords, img.shape)]
    shifted = [c + p[0] for p, c in zip(padding, coords)]
    if fill_mode == "constant":
        padded = np.pad(img, padding, mode="constant", constant_values=cval)
    else:
        padded = np.pad(img, padding, mode=PAD_MODE[fill_mode])
    ph, pw = padded.shape
    if order == 0:
        iy = np.floor(shifted[0] + 0.5).astype(np.int64)
        ix = np.floor(shifted[1] + 0.5).astype(np.int64)
        return padded[iy, ix]
    y0 = np.floor(shifted[0]).astype(np.int64)
    x0 = np.floor(shifted[1]).astype(np.int64)
    wy = shifted[0] - y0
    wx = shifted[1] - x0
    y1 = np.minimum(y0 + 1, ph - 1)  # only when its weight is 0
    x1 = np.minimum(x0 + 1, pw - 1)
    return ((1 - wy) * (1 - wx) * padded[y0, x0] + (1 - wy) * wx * padded[y0, x1]
            + wy * (1 - wx) * padded[y1, x0] + wy * wx * padded[y1, x1])


def affine(x, transforms, interpolation, fill_mode, cval):
    x = x.astype(np.float64)
    n, h, w, c = x.shape
    t = np.asarray(transforms, dtype=np.float32).astype(np.float64).reshape(-1, 8)
    if t.shape[0] == 1:
        t = np.repeat(t, n, axis=0)
    yy, xx = np.meshgrid(np.arange(h), np.arange(w), indexing="ij")
    out = np.zeros_like(x)
    for b in range(n):
        a0, a1, a2, b0, b1, b2, c0, c1 = t[b]
        k = c0 * xx + c1 * yy + 1.0
        sx = (a0 * xx + a1 * yy + a2) / k
        sy = (b0 * xx + b1 * yy + b2) / k
        for ch in range(c):
            out[b, :, :, ch] = map_coordinates(
                x[b, :, :, ch], sy, sx, {"nearest": 0, "bilinear": 1}[interpolation],
                fill_mode, cval)
    return out


def flat(a):
    return [float(str(v)) for v in np.asarray(a, dtype=np.float32).ravel()]


def main():
    cases = {"resize": [], "affine": []}
    seed = 1
    for shape, size, method in [
        ((2, 5, 7, 3), (8, 4), "bilinear"),
        ((2, 5, 7, 3), (8, 4), "nearest"),
        ((1, 6, 4, 2), (3, 10), "nearest"),
        ((1, 6, 4, 2), (3, 10), "bilinear"),
        ((2, 3, 4, 1), (7, 9), "bilinear"),
        ((2, 3, 4, 1), (7, 9), "nearest"),
        ((1, 9, 6, 4), (4, 4), "bilinear"),
        ((1, 9, 6, 4), (6, 4), "nearest"),
        ((2, 4, 5, 3), (4, 5), "bilinear"),
    ]:
        x = pattern(shape, seed)
        seed += 1
        cases["resize"].append({
            "shape": list(shape), "size": list(size), "interpolation": method,
            "x": flat(x), "y": flat(resize(x, size[0], size[1], method))})

    theta = 0.3
    cos, sin = np.cos(theta), np.sin(theta)
    cy, cx = 2.5, 3.0
    transforms = {
        # rotation about the centre, and a zoom with a translation: one per image
        "per_image": [[cos, -sin, cx - cos * cx + sin * cy, sin, cos, cy - sin * cx - cos * cy,
                       0, 0],
                      [1.3, 0.0, -1.7, 0.0, 0.8, 0.9, 0, 0]],
        # one shear for every image, reaching far outside (several periods of wrap/reflect)
        "shared": [[1.0, 2.5, -9.3, 0.4, 1.0, -2.2, 0, 0]],
        # projective (TensorFlow's k)
        "projective": [[0.9, 0.1, 0.5, -0.2, 1.1, 0.3, 0.02, -0.03],
                       [1.0, 0.0, 0.25, 0.0, 1.0, -0.75, 0.0, 0.0]],
    }
    for name, t in transforms.items():
        for interpolation in ("bilinear", "nearest"):
            for fill_mode in ("constant", "nearest", "wrap", "mirror", "reflect"):
                if name == "projective" and fill_mode not in ("constant", "reflect"):
                    continue
                x = pattern((2, 6, 7, 3), seed)
                seed += 1
                cval = 0.5 if fill_mode == "constant" else 0.0
                cases["affine"].append({
                    "name": name, "shape": [2, 6, 7, 3], "transform": flat(t),
                    "transform_rows": len(t), "interpolation": interpolation,
                    "fill_mode": fill_mode, "fill_value": cval, "x": flat(x),
                    "y": flat(affine(x, t, interpolation, fill_mode, cval))})
    # A one-pixel-wide image: mirror has period 0 there and reads the pixel itself.
    x = pattern((1, 1, 4, 2), seed)
    t = [[1.0, 0.0, 0.0, 0.0, 1.0, 1.7, 0, 0]]
    for fill_mode in ("mirror", "reflect", "wrap", "nearest"):
        cases["affine"].append({
            "name": "one_row", "shape": [1, 1, 4, 2], "transform": flat(t), "transform_rows": 1,
            "interpolation": "bilinear", "fill_mode": fill_mode, "fill_value": 0.0,
            "x": flat(x), "y": flat(affine(x, t, "bilinear", fill_mode, 0.0))})
    print(json.dumps(cases))


if __name__ == "__main__":
    main()
