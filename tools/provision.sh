# Installs what the build and the tests need and a machine lacks: sourced by build.sh and
# tools/run-tests.sh, never run on its own. Each step checks first, so a machine that has
# everything installs nothing.
#   - Debian packages (apt_install);
#   - the Rust toolchain rust-toolchain.toml pins, with its wasm32 target (ensure_rust);
#   - the wasm-bindgen CLI at the version Cargo.lock names, and the build's locked npm tools,
#     binaryen and esbuild, in tools/shrink (ensure_build_tools);
#   - Chromium, ChromeDriver, Firefox ESR, their German UI, geckodriver, and the test harness's
#     locked npm dependencies (ensure_browser_tools).

step() { printf '\n==> %s\n' "$*"; }
die() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

apt_install() { # command:package ... — installs a package only when its command (or file) is missing
  local missing=() what
  for pair in "$@"; do
    what=${pair%%:*}
    if [[ $what == /* ]]; then [ -e "$what" ]; else command -v "$what" >/dev/null 2>&1; fi || missing+=("${pair#*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return
  step "installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

locked_version() { # version of a crate in Cargo.lock
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

cargo_install() { # name version: --locked first; some locked versions are missing from the registry
  step "installing $1 $2"
  cargo install "$1" --version "$2" --locked 2>/dev/null || cargo install "$1" --version "$2"
}

# The toolchain rust-toolchain.toml names (its version, rustfmt, clippy and the wasm32
# target). rustup installs it on first use; where rustup can fetch nothing but the machine's
# own toolchain is that very version, that one is linked under the pinned name.
ensure_rust() {
  if ! command -v rustup >/dev/null; then
    # rustup itself, from the Rust project's own distribution server, as https://rustup.rs does.
    apt_install curl:curl /etc/ssl/certs/ca-certificates.crt:ca-certificates gcc:gcc
    step "installing rustup"
    local init
    init=$(mktemp)
    curl --proto '=https' --tlsv1.2 -sSf "https://static.rust-lang.org/rustup/dist/$(uname -m)-unknown-linux-gnu/rustup-init" -o "$init"
    chmod +x "$init" && "$init" -y --no-modify-path --default-toolchain none --profile minimal && rm -f "$init"
    export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
  fi
  local want
  want=$(awk -F'"' '/^channel *=/{print $2; exit}' rust-toolchain.toml)
  if rustup toolchain list | grep -q "^$want-"; then
    # A machine may have the pinned Rust without the wasm32 target the build needs.
    rustup target list --installed --toolchain "$want" | grep -q '^wasm32-unknown-unknown$' && return
    step "adding the wasm32 target to Rust $want"
    rustup target add wasm32-unknown-unknown --toolchain "$want"
    return
  fi
  step "installing Rust $want (rust-toolchain.toml)"
  if ! rustup toolchain install "$want" --profile minimal --component rustfmt,clippy --target wasm32-unknown-unknown; then
    local have
    have=$(rustup run stable rustc --version | awk '{print $2}')
    [ "$have" = "$want" ] || die "Rust $want can't be installed, and the machine's stable Rust is $have"
    rustup target add wasm32-unknown-unknown --toolchain stable
    rustup toolchain link "$want" "$(rustup run stable rustc --print sysroot)"
  fi
}

ensure_build_tools() {
  # Node.js may come with its own npm (NodeSource), which conflicts with Debian's npm package.
  apt_install jq:jq zip:zip node:nodejs
  apt_install npm:npm
  ensure_rust
  local want
  want=$(locked_version wasm-bindgen)
  [ -n "$want" ] || die "wasm-bindgen is not in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    cargo_install wasm-bindgen-cli "$want"
  fi
  if ! (cd tools/shrink && npm ls --depth=0 >/dev/null 2>&1); then
    step "installing the build's locked npm dependencies (binaryen, esbuild, marked)"
    (cd tools/shrink && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_browser_tools() {
  apt_install /usr/lib/chromium/chromium:chromium chromedriver:chromium-driver firefox-esr:firefox-esr openssl:openssl node:nodejs
  apt_install npm:npm
  # The end-to-end suite runs both browsers in German too: their German UI comes in packages.
  apt_install /usr/lib/chromium/locales/de.pak:chromium-l10n \
    /usr/lib/firefox-esr/browser/extensions/langpack-de@firefox-esr.mozilla.org.xpi:firefox-esr-l10n-de
  # The offline report's print test reads the PDF back as text.
  apt_install pdftotext:poppler-utils
  # The spreadsheet export's test opens the .xlsx in LibreOffice.
  apt_install soffice:libreoffice-calc-nogui
  command -v geckodriver >/dev/null || cargo_install geckodriver 0.37.1
  if ! (cd "$E2E" && npm ls --depth=0 >/dev/null 2>&1); then
    step "installing the end-to-end harness's locked npm dependencies"
    (cd "$E2E" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
