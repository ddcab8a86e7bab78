#!/usr/bin/env bash
# Opens Dateline on the desk in $DATELINE_WORKSPACE (default: the OS data folder); an empty
# desk is seeded with the demo desk. Without a display it runs under Xvfb and says how
# to take a screenshot.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo build -p dateline -p dateline-app --quiet
# --demo: an empty desk is given the demo desk (the model article and its photos).
args=(--demo)
[ -n "${DATELINE_WORKSPACE:-}" ] && args+=(--workspace "$DATELINE_WORKSPACE")
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: running Dateline under Xvfb on :99."
  echo "Screenshot with: DISPLAY=:99 import -window root dateline.png"
  Xvfb :99 -screen 0 1440x900x24 -nolisten tcp &
  xvfb_pid=$!
  trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
  export DISPLAY=:99
  sleep 1
fi
./target/debug/dateline-app "${args[@]}"
