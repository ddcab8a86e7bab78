#!/usr/bin/env bash
# `make dist`: the release app and its Debian package, in target/dist/.
#
# The two release binaries are built with cargo (the window with Tauri's custom-protocol
# feature, which embeds ui/dist and turns off its development mode; the `dateline` command
# line from the core), then cargo-deb packages them from src-tauri's [package.metadata.deb]
# without building again. (The Tauri CLI's bundler takes the root package, the core, as the
# app when tauri.conf.json sits at the root: see ../shared/notes/tauri-on-linux.md.)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

say "Release build: the window (dateline-app) and the command line (dateline)"
# One command for both, so the core and its dependencies are built once, with one set of features.
cargo build --release --quiet -p dateline -p dateline-app --features dateline-app/custom-protocol

say "Debian package"
mkdir -p target/dist
rm -f target/dist/dateline_*.deb
cargo deb --quiet -p dateline-app --no-build --output target/dist/
deb=$(ls target/dist/dateline_*.deb)
echo "$deb"
dpkg-deb --info "$deb" | sed -n '/Package:/,/Description:/p'
