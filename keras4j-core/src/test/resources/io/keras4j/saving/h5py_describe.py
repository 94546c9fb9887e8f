"""Prints, as JSON, every group and dataset of an HDF5 file as h5py reads it (KerasH5pyTest)."""
import json
import sys

import h5py

out = []
with h5py.File(sys.argv[1], "r") as f:
    def visit(name, obj):
        attrs = {k: [type(v).__name__, v if isinstance(v, str) else repr(v)]
                 for k, v in obj.attrs.items()}
        if isinstance(obj, h5py.Dataset):
            out.append({"path": name, "kind": "dataset", "dtype": str(obj.dtype),
                        "shape": list(obj.shape), "values": obj[()].ravel().tolist()
                        if obj.shape else [obj[()].item()], "attrs": attrs})
        else:
            out.append({"path": name, "kind": "group", "attrs": attrs})
    f.visititems(visit)
    out.append({"path": "/", "kind": "group", "attrs": dict(f.attrs)})
print(json.dumps({"nodes": out}))
