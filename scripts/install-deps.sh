#!/usr/bin/env bash
# Installs the Debian 12 packages Clause9 needs to build, test and run, skipping those already present.
# Usage: scripts/install-deps.sh [build|test]   (test adds what the test suites need beyond the build)
set -euo pipefail

build_packages=(
  g++ cmake ninja-build pkg-config make
  libsoci-dev libsqlite3-dev libpq-dev
  libboost-dev libboost-system-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev libspdlog-dev
  libsodium-dev libical-dev
  libgtest-dev libgmock-dev libbenchmark-dev
)
test_packages=(
  sqlite3
  # The postgresql: variants of the suites run on a throwaway server (scripts/test-postgres.sh).
  postgresql
  # The browser tests (tests/browser): playwright-core drives Debian's Chromium; fonts make the screenshots legible.
  chromium fonts-liberation fonts-dejavu-core
)
# The web UI is built with Node.js and npm (cmake/web.cmake). A machine that has a node of its own (CI's Node 20)
# keeps it; a fresh Debian 12 gets Debian's nodejs 18 and npm 9, which the UI's pinned tools support (docs/ui.md).
if ! command -v node >/dev/null 2>&1; then
  build_packages+=(nodejs npm)
fi

wanted=("${build_packages[@]}")
if [ "${1:-build}" = "test" ]; then
  wanted+=("${test_packages[@]}")
fi

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing missing packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
