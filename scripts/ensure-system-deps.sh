#!/usr/bin/env bash
# Run by `npm start` (demo) and `npm test` (test) before they start: brings the system packages they use
# (scripts/install-system-deps.sh lists them) when they are missing.
#   - root with apt-get: installs them through scripts/install-system-deps.sh, saying so in one line;
#   - otherwise `test` prints the command to run and exits 2 (the tests cannot run without them), and
#     `demo` goes on: the simulated terminal falls back to its in-process link and says so itself.
# Only a checkout's npm scripts call this; the posdiag command (dist/) never installs anything.
set -euo pipefail
cd "$(dirname "$0")/.."

scope="${1:-test}"
mapfile -t missing < <(bash scripts/install-system-deps.sh --check "$scope")
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "posdiag: installing the system packages ${missing[*]} with scripts/install-system-deps.sh (root, apt-get)" >&2
  bash scripts/install-system-deps.sh "$scope" >/dev/null
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  how="install the Debian packages ${missing[*]} with this system's package manager (no apt-get here)"
else
  how="run: sudo scripts/install-system-deps.sh"
fi
if [ "$scope" = "demo" ]; then
  # The demo runs without them; the simulated terminal says what it falls back to.
  exit 0
fi
echo "posdiag: the tests need the system packages ${missing[*]}; $how" >&2
exit 2
