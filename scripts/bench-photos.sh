#!/usr/bin/env bash
# The rendition set of one photo — 2048, 1200 and 600 px wide, JPEG and WebP — made by
# Dateline, by libvips (`vips thumbnail`, one call per file, with JPEG shrink-on-load) and by
# ImageMagick (`/usr/bin/convert`, one call that decodes once and writes all six), on the same
# input in one run. Prints hyperfine's timings, each tool's peak memory, and the ratios.
# A photo with a colour profile other than sRGB (ADOBE=1 attaches Adobe RGB (1998) to a copy
# of the input with exiftool, the pixels unchanged) is converted into sRGB by all three:
# Dateline always, vips with `--export-profile srgb`, ImageMagick with `-profile sRGB.icc`.
#
# Needs: cargo, hyperfine, libvips-tools, imagemagick, and for ADOBE=1 exiftool and
# colord-data (Debian packages of those names).
# Usage: [ADOBE=1] scripts/bench-photos.sh [PHOTO]   (default: the 22-megapixel Canon fixture)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
input="${1:-$root/../shared/fixtures/photos/large-canon-eos5d3-22mp.jpg}"
convert=/usr/bin/convert   # /usr/local/bin/convert may be a stand-in: use ImageMagick's own.
for tool in hyperfine vips "$convert"; do
  command -v "$tool" >/dev/null || { echo "bench-photos: $tool is missing" >&2; exit 1; }
done

cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin dateline
dateline="$root/target/release/dateline"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

srgb_icc=/usr/share/color/icc/colord/sRGB.icc
vips_profile=""
im_profile=""
if [ "${ADOBE:-0}" = 1 ]; then
  exiftool -q "-ICC_Profile<=/usr/share/color/icc/colord/AdobeRGB1998.icc" -o "$work/adobe-rgb.jpg" "$input"
  input="$work/adobe-rgb.jpg"
  vips_profile="--export-profile srgb"
  im_profile="-intent Perceptual -profile $srgb_icc"
fi

ws="$work/desk"
id=$("$dateline" --workspace "$ws" --json photo import "$input" | sed -n 's/^ *"id": \([0-9]*\),$/\1/p' | head -1)
"$dateline" --workspace "$ws" photo crop "$id" --name full --aspect free >/dev/null

dl_cmd="$dateline --workspace $ws photo renditions $id --crop full --out $work/dl"
vips_cmd="sh -c 'for w in 2048 1200 600; do vips thumbnail $input $work/v\$w.jpg[Q=82] \$w $vips_profile; vips thumbnail $input $work/v\$w.webp[Q=80] \$w $vips_profile; done'"
im_cmd="$convert $input $im_profile -auto-orient -filter Lanczos -resize 2048x -quality 82 -write $work/m2048.jpg -quality 80 -write $work/m2048.webp -resize 1200x -quality 82 -write $work/m1200.jpg -quality 80 -write $work/m1200.webp -resize 600x -quality 82 -write $work/m600.jpg -quality 80 $work/m600.webp"

echo "input: $input"
echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg)  (cores: $(nproc))"
hyperfine --warmup 1 --runs "${RUNS:-10}" --export-json "$work/h.json" \
  --prepare "rm -rf $ws/renditions" -n dateline "$dl_cmd" \
  --prepare true -n vips "$vips_cmd" \
  --prepare true -n imagemagick "$im_cmd"

peak() { /usr/bin/time -f '%M' sh -c "$1" 2>&1 >/dev/null | tail -1; }
rm -rf "$ws/renditions"
dl_mem=$(peak "$dl_cmd"); vips_mem=$(peak "$vips_cmd"); im_mem=$(peak "$im_cmd")

python3 - "$work/h.json" "$dl_mem" "$vips_mem" "$im_mem" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
mem = dict(zip(["dateline", "vips", "imagemagick"], map(int, sys.argv[2:5])))
d = r["dateline"]["median"]
print()
print(f"{'tool':<12} {'median':>9} {'mean':>9} {'peak RSS':>10} {'time vs vips':>13}")
for name in ["dateline", "vips", "imagemagick"]:
    x = r[name]
    print(f"{name:<12} {x['median']*1000:7.0f} ms {x['mean']*1000:7.0f} ms {mem[name]/1024:7.0f} MB"
          f" {x['median']/r['vips']['median']:12.2f}x")
print(f"\nDateline / vips = {d/r['vips']['median']:.2f}  (target <= 0.5)"
      f"   Dateline / ImageMagick = {d/r['imagemagick']['median']:.2f}"
      f"   Dateline peak = {mem['dateline']/1024:.0f} MB (target <= 150)")
PY
