# The two commands of the README. Both set up a fresh Debian machine first (packages, npm,
# tauri-driver, the UI build); see scripts/setup.sh.
.PHONY: run test setup dist measure

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
