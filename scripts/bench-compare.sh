#!/usr/bin/env bash
# Dateline side by side with the reference tools, in one run on the same inputs:
#   1. Markdown: Dateline's one render function (comrak + typography + ammonia, as a whole
#      process: `cargo run --release --example render`) vs `cmark-gfm` (GFM extensions, smart
#      punctuation, safe mode — its nearest equivalent of sanitizing) on the 10,000-word and
#      1 MB fixtures, both reading the file and writing HTML to /dev/null, timed by hyperfine.
#   2. Photos: the rendition set of the 22-megapixel Canon fixture by Dateline vs
#      `vips thumbnail` vs ImageMagick `convert` (scripts/bench-photos.sh), in sRGB and again
#      with an Adobe RGB profile that every tool converts into sRGB.
# Prints the machine, its load before each part, hyperfine's timings and the ratios.
# A missing tool is named with the Debian package that brings it, and its part is skipped.
#
# Usage: scripts/bench-compare.sh        (RUNS=N sets hyperfine's runs per command; default 20
#                                        for Markdown, 10 for photos)
#        PARTS=markdown scripts/bench-compare.sh   only the Markdown half (PARTS=photos: only
#                                        the renditions; default: both)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
articles="$root/../shared/fixtures/articles"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

missing=()
need() { # need TOOL PACKAGE
  command -v "$1" >/dev/null 2>&1 || missing+=("$1 (Debian package $2)")
}
need cargo "rustup/cargo"
need hyperfine hyperfine
need python3 python3
need cmark-gfm cmark-gfm
need vips libvips-tools
need /usr/bin/convert imagemagick
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench-compare: missing, so the comparisons that need them are skipped:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
fi
has() { command -v "$1" >/dev/null 2>&1; }
for t in cargo hyperfine python3; do
  has "$t" || { echo "bench-compare: $t is required for every part; install it first." >&2; exit 1; }
done

say "Machine"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
echo "ram: $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo "load average (1, 5, 15 min): $(load)"

parts="${PARTS:-markdown photos}"
part() { [[ " $parts " == *" $1 "* ]]; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! part markdown; then
  say "Markdown render: skipped (PARTS=$parts)"
elif has cmark-gfm; then
  say "Markdown render: Dateline vs cmark-gfm (whole processes)"
  cargo build --release --quiet --manifest-path "$root/Cargo.toml" --example render
  render="${CARGO_TARGET_DIR:-$root/target}/release/examples/render"
  cmark="cmark-gfm --smart -e table -e strikethrough -e autolink -e tagfilter -e tasklist -e footnotes"
  for f in synthetic-long-article-10k.md stress-1mb.md; do
    input="$articles/$f"
    [ -f "$input" ] || { echo "bench-compare: $input is missing (the shared fixtures)" >&2; exit 1; }
    echo
    echo "input: $f ($(wc -c <"$input") bytes), load before: $(load)"
    # -N: each process is timed itself, without a shell around it (hyperfine discards output).
    hyperfine -N --warmup 3 --runs "${RUNS:-20}" --export-json "$work/$f.json" \
      -n dateline "$render $input en" \
      -n cmark-gfm "$cmark $input"
    python3 - "$work/$f.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
d, c = r["dateline"]["median"], r["cmark-gfm"]["median"]
print(f"median: dateline {d*1000:.1f} ms, cmark-gfm {c*1000:.1f} ms  ->  Dateline / cmark-gfm = {d/c:.2f}x")
du, cu = r["dateline"]["user"], r["cmark-gfm"]["user"]
print(f"user (mean): dateline {du*1000:.1f} ms, cmark-gfm {cu*1000:.1f} ms  ->  {du/cu:.2f}x")
PY
  done
  "$render" /dev/null >/dev/null  # a process that renders nothing: the cost of starting one
  hyperfine --warmup 3 --runs "${RUNS:-20}" -N -n "dateline-empty" "$render /dev/null" \
    -n "cmark-gfm-empty" "$cmark /dev/null" 2>/dev/null | grep -E "Time|empty" || true
else
  say "Markdown render: skipped (cmark-gfm is missing)"
fi

if ! part photos; then
  say "Renditions: skipped (PARTS=$parts)"
elif has vips && [ -x /usr/bin/convert ]; then
  say "Renditions: Dateline vs vips vs ImageMagick (scripts/bench-photos.sh)"
  RUNS="${RUNS:-10}" "$root/scripts/bench-photos.sh"
  if command -v exiftool >/dev/null 2>&1 && [ -f /usr/share/color/icc/colord/AdobeRGB1998.icc ]; then
    say "Renditions of the same photo in Adobe RGB (1998), converted into sRGB by all three"
    ADOBE=1 RUNS="${RUNS:-10}" "$root/scripts/bench-photos.sh"
  else
    say "Renditions in Adobe RGB: skipped (needs exiftool and colord-data)"
  fi
else
  say "Renditions: skipped (needs vips and /usr/bin/convert)"
fi

echo
echo "load average after the run: $(load)"
echo "In-process figures (no process start, no file I/O): cargo bench --bench render"
