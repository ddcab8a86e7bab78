#!/usr/bin/env bash
# Every test Dateline has: formatting and lints, the core's unit and integration tests on
# real SQLite files and real photos (crash safety under kill -9 and bad input among them), the
# generated TypeScript bindings, the UI's type check and unit tests (Vitest: the window's calls
# against the app's handlers, the pure modules, the autosave), the fuzz targets' checks over
# their seeds (tests/fuzz_seeds.rs; fuzzing itself is `make fuzz`), and the
# end-to-end tests of the real app in a real webview under Xvfb, the installed Debian package's
# among them (tests/e2e/tests/package.rs installs it with apt and removes it). The newsroom tests
# (tests/newsroom_*.rs) start their own throwaway PostgreSQL clusters from Debian's postgresql
# (setup installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

say "Formatting and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
(cd ui && npm run --silent check)

say "UI unit tests (Vitest)"
(cd ui && npm run --silent test)

say "Core and CLI tests"
# The app's own tests run on the release build below: the Tauri stack is built once, in
# release, for the package, the app's tests and the end-to-end tests alike.
cargo test --workspace --exclude dateline-e2e --exclude dateline-app

say "The release app and its Debian package (make dist), which the package test installs"
./scripts/dist.sh

say "The app's tests, on the release build"
cargo test --release -p dateline-app --features dateline-app/custom-protocol

say "End-to-end tests in the real window (Xvfb + tauri-driver + WebKitWebDriver)"
# The app under test is the release build the package carries (what people run); the CLI the
# tests use is the debug one the core's tests built. One run: a failure fails the run. (A second
# try would let a real failure that passes the second time land.) Each app gets ports the OS
# picks, so no run waits on another's driver.
export DATELINE_APP="$PWD/target/release/dateline-app"
xvfb-run -a -s "-screen 0 1440x900x24 -nolisten tcp" \
  cargo test -p dateline-e2e -- --test-threads=1
