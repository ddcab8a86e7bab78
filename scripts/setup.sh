#!/usr/bin/env bash
# Installs everything Dateline needs to build, run and test on a fresh Debian machine:
# Debian packages (as root, or through sudo), the UI's npm packages, tauri-driver, and the
# built UI. Idempotent: what is already there is skipped, so it is cheap to run every time.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# --- Debian packages --------------------------------------------------------------------
# Tauri/WebKitGTK build and runtime, Xvfb + WebKitWebDriver for end-to-end tests, exiftool
# and a JRE for the standards validators, ImageMagick for screenshots, English and Spanish
# dictionaries for the webview's spellchecker. The photo desk links Little CMS (colour
# profiles) and libheif (HEIC); its colour tests make HEICs with heif-enc, TIFFs with
# ImageMagick and libtiff's tools, and convert with the ICC profiles of colord-data (sRGB,
# Adobe RGB) and libgs-common (a CMYK press profile). The newsroom tests start throwaway
# clusters of Debian's postgresql (its server binaries only; no cluster of the machine is used).
# desktop-file-utils checks the Debian package's desktop entry (desktop-file-validate); python3's
# sqlite3 lets the crash test hold the desk's database locked from another process.
PACKAGES=(
  build-essential pkg-config curl wget file
  libwebkit2gtk-4.1-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev
  xvfb xauth webkit2gtk-driver imagemagick xdotool
  libimage-exiftool-perl unzip
  hunspell-en-us hunspell-es
  liblcms2-dev libheif-dev libheif-examples libtiff-tools colord-data libgs-common
  postgresql desktop-file-utils python3
)
command -v java >/dev/null 2>&1 || PACKAGES+=(default-jre-headless)
command -v node >/dev/null 2>&1 || PACKAGES+=(nodejs npm)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# --- Rust tools ---------------------------------------------------------------------------
export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v tauri-driver >/dev/null 2>&1; then
  say "Installing tauri-driver"
  cargo install tauri-driver --locked --quiet
fi
if ! command -v cargo-deb >/dev/null 2>&1; then
  say "Installing cargo-deb (the Debian package: make dist, scripts/dist.sh)"
  cargo install cargo-deb --locked --quiet
fi

# --- The UI -------------------------------------------------------------------------------
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  say "Installing the UI's npm packages"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -d tests/validators/node_modules ] || [ tests/validators/package-lock.json -nt tests/validators/node_modules/.package-lock.json ]; then
  say "Installing the W3C Nu HTML checker (npm vnu-jar)"
  (cd tests/validators && npm ci --no-audit --no-fund --loglevel=error)
fi
say "Building the UI"
(cd ui && npm run --silent build)
