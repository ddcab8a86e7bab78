# The two commands of the README. Both set up a fresh Debian machine first (packages, npm,
# tauri-driver, the UI build); see scripts/setup.sh.
.PHONY: run test setup dist measure fuzz

run: setup
	./scripts/run.sh

test: setup
	./scripts/test.sh

setup:
	./scripts/setup.sh

# The release app and its Debian package (target/dist/dateline_*.deb): see scripts/dist.sh.
dist: setup
	./scripts/dist.sh

# The release app in the real window beside an empty Tauri 2 window: cold start, idle memory,
# keystroke to preview, composite export; a Markdown table for docs/PERFORMANCE.md. Not part of
# `make test`: see scripts/measure.sh.
measure: setup
	./scripts/measure.sh

# Fuzzing with cargo-fuzz (libFuzzer), 45 s a target by default (FUZZ_SECONDS=3600 for an
# hour): see scripts/fuzz.sh. `make test` replays the targets' seeds instead (tests/fuzz_seeds.rs).
fuzz: setup
	./scripts/fuzz.sh
