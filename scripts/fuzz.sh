#!/usr/bin/env bash
# `make fuzz`. Fuzzes Dateline's parsers of outside input with cargo-fuzz (libFuzzer): Markdown render +
# sanitize, front matter, photo metadata (IIM, XMP, EXIF) and the photo import's checks.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     # default 45 (or $FUZZ_SECONDS), e.g. 3600
#   FUZZ_SANITIZER=address scripts/fuzz.sh   # slower, with AddressSanitizer (default: none)
#   FUZZ_TARGETS="front_matter" scripts/fuzz.sh 600
#
# Seeds come from ../shared/fixtures and tests/corpus, copied into fuzz/seeds/ at run time (no
# binary corpus is committed); what the fuzzer learns accumulates in fuzz/corpus/ (ignored by
# git). Two targets run at a time (one per core). Any crash, panic, timeout or out-of-memory
# fails the run and prints the file that reproduces it:
#   RUSTC_BOOTSTRAP=1 cargo fuzz run -s none TARGET fuzz/artifacts/TARGET/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# cargo-fuzz asks for nightly-only flags (-Z); the one stable toolchain allows them with this.
export RUSTC_BOOTSTRAP=1
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

SECS="${1:-${FUZZ_SECONDS:-45}}"
SAN="${FUZZ_SANITIZER:-none}"
TARGETS=(${FUZZ_TARGETS:-markdown_render front_matter photo_metadata photo_examine})
FIXTURES="${DATELINE_FIXTURES:-$(cd .. && pwd)/shared/fixtures}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Not installed by scripts/setup.sh: `make test` replays the targets' seeds as an ordinary
# test (tests/fuzz_seeds.rs) and does not fuzz.
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  say "Installing cargo-fuzz"
  cargo install cargo-fuzz --locked --quiet
fi
[ -d "$FIXTURES/photos" ] || { echo "fixtures not found at $FIXTURES" >&2; exit 1; }

say "Building the fuzz targets (sanitizer: $SAN)"
started=$(date +%s)
(cd fuzz && cargo fuzz build -s "$SAN")
echo "  built in $(( $(date +%s) - started )) s"

say "Seeding from the fixtures"
rm -rf fuzz/seeds
mkdir -p fuzz/seeds fuzz/corpus fuzz/target/logs
for t in "${TARGETS[@]}"; do mkdir -p "fuzz/seeds/$t" "fuzz/corpus/$t"; done
python3 - "$FIXTURES" tests/corpus fuzz/seeds <<'PY'
# Seeds: article fixtures under 200 KB (and each line of the XSS corpus) for the text targets;
# the small fixture photos for the photo import; the EXIF, XMP and IIM blocks cut out of the
# fixture JPEGs for the metadata readers (first byte: 0 EXIF, 1 IIM, 2 XMP).
import os, struct, sys
fixtures, corpus, seeds = sys.argv[1:4]
def put(target, name, data):
    with open(os.path.join(seeds, target, name), "wb") as f:
        f.write(data)
arts = os.path.join(fixtures, "articles")
for n in sorted(os.listdir(arts)):
    p = os.path.join(arts, n)
    if n.endswith(".md") and os.path.getsize(p) < 200_000:
        data = open(p, "rb").read()
        put("markdown_render", n, b"\x00" + data)
        put("front_matter", n, data)
xss = os.path.join(corpus, "xss.txt")
if os.path.exists(xss):
    for i, line in enumerate(open(xss, "rb").read().splitlines()):
        if line.strip():
            put("markdown_render", f"xss-{i}", b"\x01" + line)
photos = os.path.join(fixtures, "photos")
def segments(b):
    i = 2
    while i + 4 <= len(b) and b[i] == 0xFF:
        m = b[i + 1]
        if m in (0xD9, 0xDA):
            return
        n = struct.unpack(">H", b[i + 2:i + 4])[0]
        yield m, b[i + 4:i + 2 + n]
        i += 2 + n
def iim(ps):
    # Photoshop image resource 0x0404 inside "Photoshop 3.0\0" 8BIM blocks.
    j = ps.find(b"8BIM\x04\x04")
    if j < 0:
        return None
    k = j + 6
    nlen = ps[k]
    k += 1 + nlen + ((1 + nlen) % 2)
    size = struct.unpack(">I", ps[k:k + 4])[0]
    return ps[k + 4:k + 4 + size]
for n in sorted(os.listdir(photos)):
    p = os.path.join(photos, n)
    data = open(p, "rb").read()
    if os.path.getsize(p) < 400_000 and n.endswith((".jpg", ".png")):
        put("photo_examine", n, data)
    if not n.endswith(".jpg"):
        continue
    for m, seg in segments(data):
        if m == 0xE1 and seg.startswith(b"Exif\x00\x00"):
            put("photo_metadata", n + ".exif", b"\x00" + seg[6:])
        elif m == 0xE1 and seg.startswith(b"http://ns.adobe.com/xap/1.0/\x00"):
            put("photo_metadata", n + ".xmp", b"\x02" + seg[29:])
        elif m == 0xED and seg.startswith(b"Photoshop 3.0\x00"):
            block = iim(seg)
            if block:
                put("photo_metadata", n + ".iim", b"\x01" + block)
PY
for t in "${TARGETS[@]}"; do
  printf '  %-16s %s seeds\n' "$t" "$(ls "fuzz/seeds/$t" | wc -l)"
done

max_len() {
  case "$1" in
    photo_examine) echo 400000 ;;
    *) echo 65536 ;;
  esac
}

run() {
  local t="$1"
  (cd fuzz && cargo fuzz run -s "$SAN" "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$SECS" -max_len="$(max_len "$t")" -timeout=30 -rss_limit_mb=4096 \
    -print_final_stats=1) >"fuzz/target/logs/$t.log" 2>&1
}

say "Fuzzing ${#TARGETS[@]} targets, ${SECS} s each, two at a time"
failed=()
declare -A pids
i=0
while [ $i -lt ${#TARGETS[@]} ]; do
  batch=("${TARGETS[@]:$i:2}")
  for t in "${batch[@]}"; do
    run "$t" &
    pids[$t]=$!
  done
  for t in "${batch[@]}"; do
    if wait "${pids[$t]}"; then status=ok; else status=FAILED; failed+=("$t"); fi
    log="fuzz/target/logs/$t.log"
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    size=$(ls "fuzz/corpus/$t" | wc -l)
    printf '  %-16s %-6s %10s execs  %6s execs/s  corpus %s inputs\n' "$t" "$status" "$execs" "$rate" "$size"
  done
  i=$((i + 2))
done

if [ ${#failed[@]} -gt 0 ]; then
  for t in "${failed[@]}"; do
    echo
    echo "---- $t failed; the end of its log (fuzz/target/logs/$t.log):"
    tail -n 40 "fuzz/target/logs/$t.log"
    echo "Reproducing inputs:"
    ls -1 "fuzz/artifacts/$t/" 2>/dev/null | sed "s|^|  fuzz/artifacts/$t/|"
    echo "Replay: (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -s $SAN $t artifacts/$t/<file>)"
  done
  exit 1
fi
say "Fuzzing found nothing"
