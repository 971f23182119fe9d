#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages posdiag's tests and simulated terminal use:
#   socat                 pseudo-terminal pairs for the device simulators
#   ppp                   /usr/sbin/chat, a third-party AT client run against the modem simulator
#   libnfc-bin, libnfc-examples, libnfc-pn53x-examples
#                         nfc-list, nfc-scan-device, pn53x-diagnose run against the PN532 simulator
#   unifont               the bitmap font the printer simulator renders slips with (Hanzi included)
#   mosquitto             the MQTT broker the telemetry tests start (TLS, client certificates, ACL)
# Only what is missing is installed. Run as root (or with sudo).
#
#   scripts/install-system-deps.sh [demo]          install what is missing (all of them, or only what
#                                                  `posdiag demo` uses: socat and unifont)
#   scripts/install-system-deps.sh --check [demo]  print what is missing, one package a line; install nothing
set -euo pipefail

check=""
if [ "${1:-}" = "--check" ]; then check=1; shift; fi
scope="${1:-all}"

need=()
have_cmd() { command -v "$1" >/dev/null 2>&1 || [ -x "$1" ]; }
have_cmd socat || need+=(socat)
[ -f /usr/share/unifont/unifont.hex ] || need+=(unifont)
if [ "$scope" != "demo" ]; then
  have_cmd /usr/sbin/chat || need+=(ppp)
  have_cmd nfc-list || need+=(libnfc-bin)
  have_cmd nfc-scan-device || need+=(libnfc-examples)
  have_cmd pn53x-diagnose || need+=(libnfc-pn53x-examples)
  have_cmd mosquitto || have_cmd /usr/sbin/mosquitto || need+=(mosquitto)
fi

if [ -n "$check" ]; then
  [ ${#need[@]} -eq 0 ] || printf '%s\n' "${need[@]}"
  exit 0
fi

if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "system packages: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
# apt's own chatter goes to a log, shown only when something fails.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "system packages: apt-get failed (above)" >&2
  exit 1
fi
