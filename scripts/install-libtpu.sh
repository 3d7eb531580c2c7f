#!/bin/sh
# Installs libtpu (whose libtpu.so is a PJRT C API plugin) into .venv-tpu/, for
# test/xla/pjrt.xla.test.ts: on a machine without a TPU it loads, passes the API version check
# and fails client creation (NOT_FOUND), which tests the plugin transport's loading and errors.
# CI calls it before the XLA tests; ~20 s and ~700 MB, from pip's configured (local) index.
set -eu
cd "$(dirname "$0")/.."
if ls .venv-tpu/lib/python3*/site-packages/libtpu/libtpu.so >/dev/null 2>&1; then
  echo "install-libtpu: already in .venv-tpu"
  exit 0
fi
python3 -m venv .venv-tpu
# --retries 0: the public index is unreachable here, and pip otherwise waits on it (as .ci/run does).
.venv-tpu/bin/pip install -q --retries 0 --timeout 5 --no-deps libtpu==0.0.42.1 2>&1 | grep -v "^WARNING" || true
ls .venv-tpu/lib/python3*/site-packages/libtpu/libtpu.so
