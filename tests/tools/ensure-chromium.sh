#!/usr/bin/env bash
# Installs headless Chromium (Debian package 'chromium') when it is missing, for the IG report's rendering test.
# Run by the report test fixture and by .ci/run before the tests; does nothing when chromium is already there.
# Prints the path of the chromium binary on its last line.
set -euo pipefail

find_chromium() {
  for name in chromium chromium-browser; do
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
  done
  return 1
}

if path="$(find_chromium)"; then
  echo "$path"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=(sudo -n); else
    echo "ensure-chromium: chromium is not installed and this user cannot install it; run 'apt-get install chromium' as root." >&2
    exit 1
  fi
else
  SUDO=()
fi

export DEBIAN_FRONTEND=noninteractive
# Another installer may hold the dpkg lock: wait for it rather than fail.
"${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
"${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2

find_chromium || { echo "ensure-chromium: chromium was installed but is not on PATH." >&2; exit 1; }
