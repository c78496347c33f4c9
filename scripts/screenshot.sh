#!/usr/bin/env bash
# Starts the verbatim window under a virtual X server (Xvfb) on the given files or folders (the
# built-in demo articles when none), waits for the window, and saves a screenshot of it.
#
#   scripts/screenshot.sh [FILES_OR_DIRS…] OUT.png
#
# Uses $VERBATIM_BIN if set, else the newest of target/{debug,release}/verbatim (building the
# debug binary when neither exists). Exits non-zero when the window does not come up.
# Needs: xvfb, xdotool, imagemagick (import). WAIT_SECONDS (default 30) bounds the wait for the
# window; SETTLE_SECONDS (default 4) lets loading and analysis finish before the shot.
# SIZE (default 1600x1000) is the screen and window size; THEME (light, dark or system, the
# default) the window's theme.
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 [FILES_OR_DIRS…] OUT.png" >&2
  exit 2
fi
out="${*: -1}"
inputs=("${@:1:$#-1}")
root="$(cd "$(dirname "$0")/.." && pwd)"

for tool in Xvfb xdotool import; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is not installed" >&2; exit 2; }
done

bin="${VERBATIM_BIN:-}"
if [ -z "$bin" ]; then
  bin="$(ls -t "$root"/target/release/verbatim "$root"/target/debug/verbatim 2>/dev/null | head -1 || true)"
fi
if [ -z "$bin" ]; then
  (cd "$root" && cargo build --bin verbatim)
  bin="$root/target/debug/verbatim"
fi

work="$(mktemp -d)"
chmod 700 "$work"
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Let Xvfb pick a free display and tell us which.
size="${SIZE:-1600x1000}"
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 50); do
  [ -s "$work/display" ] && break
  sleep 0.1
done
if [ ! -s "$work/display" ]; then
  echo "$0: Xvfb did not start" >&2
  cat "$work/xvfb.log" >&2
  exit 1
fi
export DISPLAY=":$(head -1 "$work/display")"
unset WAYLAND_DISPLAY
# Settings and recent files go to a throw-away place, not the user's.
export XDG_RUNTIME_DIR="$work/run" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

VERBATIM_THEME="${THEME:-system}" "$bin" "${inputs[@]}" >"$work/app.log" 2>&1 &
app_pid=$!

wid="$(timeout "${WAIT_SECONDS:-30}" xdotool search --sync --name 'Verbatim' 2>/dev/null | head -1 || true)"
if [ -z "$wid" ]; then
  echo "$0: the window did not come up" >&2
  cat "$work/app.log" >&2
  exit 1
fi
# No window manager: size the window to the screen ourselves.
xdotool windowsize "$wid" "${size%x*}" "${size#*x}" 2>/dev/null || true
sleep "${SETTLE_SECONDS:-4}"
if ! kill -0 "$app_pid" 2>/dev/null; then
  echo "$0: the app exited before the screenshot" >&2
  cat "$work/app.log" >&2
  exit 1
fi
mkdir -p "$(dirname "$out")"
import -window "$wid" "$out"
echo "$out"
