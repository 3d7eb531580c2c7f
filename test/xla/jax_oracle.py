"""Runs StableHLO modules on JAX's CPU backend: the independent oracle for the XLA lowering.

stdin: JSON {"cases": [{"id", "mlir", "params": [{"dtype", "shape", "b64"}]}]}
stdout: JSON {"results": [{"id", "outputs": [{"dtype", "shape", "b64"}]} | {"id", "error"}]}
dtype is float32, int32 or bool (one byte per element), data row-major little-endian.
"""
import base64
import json
import sys

import numpy as np
import jax
from jax.extend.backend import get_backend

NP = {"float32": np.float32, "int32": np.int32, "bool": np.bool_}
NAME = {np.dtype(np.float32): "float32", np.dtype(np.int32): "int32", np.dtype(np.bool_): "bool"}


def main():
    req = json.load(sys.stdin)
    backend = get_backend("cpu")
    dev = backend.devices()[:1]
    results = []
    for case in req["cases"]:
        try:
            exe = backend.compile_and_load(case["mlir"], dev)
            args = []
            for p in case["params"]:
                raw = base64.b64decode(p["b64"])
                a = np.frombuffer(raw, dtype=np.uint8 if p["dtype"] == "bool" else NP[p["dtype"]])
                a = a.astype(NP[p["dtype"]]).reshape(p["shape"])
                args.append(jax.device_put(a, dev[0]))
            res = exe.execute_sharded(args).disassemble_into_single_device_arrays()
            outs = []
            for per_device in res:
                a = np.asarray(per_device[0])
                dt = NAME[a.dtype]
                raw = (a.astype(np.uint8) if dt == "bool" else np.ascontiguousarray(a)).tobytes()
                outs.append({"dtype": dt, "shape": list(a.shape), "b64": base64.b64encode(raw).decode()})
            results.append({"id": case["id"], "outputs": outs})
        except Exception as e:  # reported per case, so one bad module does not hide the others
            results.append({"id": case["id"], "error": f"{type(e).__name__}: {e}"})
    json.dump({"results": results}, sys.stdout)


if __name__ == "__main__":
    main()
