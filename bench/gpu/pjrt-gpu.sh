#!/usr/bin/env bash
# The MLP training step on a GPU through a PJRT plugin (jax-cuda13-pjrt's CUDA plugin), with
# jax.jit's figure on the same GPU beside it. Prepared on a CPU-only machine: see
# bench/gpu/README.md for what it needs and how to carry prebuilt pieces to a GPU machine.
#   bench/gpu/pjrt-gpu.sh [steps]        env: LT_PJRT_PLUGIN (else found in python's jax_plugins),
#                                        LT_PJRT_OPTIONS (the client's options, JSON), LT_GPU_OPS=1
#                                        (also run test/ops on the GPU; needs node_modules)
set -euo pipefail
cd "$(dirname "$0")/../.."
STEPS=${1:-200}
say() { echo "pjrt-gpu: $*" >&2; }

command -v node >/dev/null || { say "node (>= 20) not found"; exit 2; }
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || say "no nvidia-smi"

# 1. The plugin: $LT_PJRT_PLUGIN, else jax-cuda13-pjrt's jax_plugins/xla_cuda13/xla_cuda_plugin.so.
PY=$(command -v python3 || true)
PLUGIN=${LT_PJRT_PLUGIN:-}
if [ -z "$PLUGIN" ] && [ -n "$PY" ]; then
  PLUGIN=$("$PY" - <<'PY' 2>/dev/null || true
import glob, importlib.util, os
for name in ("jax_plugins.xla_cuda13", "jax_plugins.xla_cuda12"):
    try:
        spec = importlib.util.find_spec(name)
    except Exception:
        spec = None
    if spec and spec.submodule_search_locations:
        for d in spec.submodule_search_locations:
            hits = glob.glob(os.path.join(d, "*.so"))
            if hits:
                print(sorted(hits, key=lambda p: "plugin" not in p)[0]); raise SystemExit
PY
)
fi
[ -n "$PLUGIN" ] || PLUGIN=$(find / -xdev -path '*jax_plugins/xla_cuda1*' -name '*plugin*.so' 2>/dev/null | head -1 || true)
[ -n "$PLUGIN" ] && [ -f "$PLUGIN" ] || { say "no PJRT GPU plugin found: set LT_PJRT_PLUGIN=/path/to/xla_cuda_plugin.so"; exit 2; }
say "plugin $PLUGIN"

# CUDA libraries from pip's nvidia-* wheels, for a plugin that does not find them itself.
if [ -n "$PY" ]; then
  NV=$("$PY" -c 'import glob, os, site; print(":".join(sorted({os.path.dirname(p) for s in site.getsitepackages() for p in glob.glob(s + "/nvidia/*/lib/*.so*")})))' 2>/dev/null || true)
  [ -n "$NV" ] && export LD_LIBRARY_PATH="$NV${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi

# 2. The PJRT addon (native/build/lazytensor_pjrt.node): prebuilt and carried, else built here
#    from the C API header (TensorFlow's wheel, or LT_PJRT_INCLUDE).
if ! node -e "require('./native/build/lazytensor_pjrt.node')" 2>/dev/null; then
  say "building the PJRT addon"
  node scripts/build-native.mjs pjrt
fi
# 3. The bundles (dist/): prebuilt and carried, else npm run build (needs node_modules).
[ -f dist/lazytensor.mjs ] || npm run build

# 4. The MLP step through the plugin (checked against the interpreter first), then jax.jit.
OPTIONS=${LT_PJRT_OPTIONS:-'{}'}
node bench/gpu/mlp-step.mjs --plugin "$PLUGIN" --steps "$STEPS" --options "$OPTIONS"
if [ -n "$PY" ] && "$PY" -c 'import jax; assert jax.devices()[0].platform == "gpu"' 2>/dev/null; then
  "$PY" bench/gpu/mlp_jax.py "$STEPS"
else
  say "jax with a GPU not importable: no jax.jit figure"
fi
if [ "${LT_GPU_OPS:-0}" = 1 ]; then
  LT_PJRT_PLUGIN="$PLUGIN" LT_BACKEND=xla npx vitest run test/ops
fi
