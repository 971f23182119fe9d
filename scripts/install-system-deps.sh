#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages posdiag's tests and simulated terminal use:
#   socat                 pseudo-terminal pairs for the device simulators
#   ppp                   /usr/sbin/chat, a third-party AT client run against the modem simulator
#   gammu                 gammu --identify, another AT client (a phone/modem manager) run against it
#   libnfc-bin, libnfc-examples, libnfc-pn53x-examples
#                         nfc-list, nfc-scan-device, pn53x-diagnose run against the PN532 simulator
#   pcscd, libccid, pcsc-tools, opensc
#                         Debian's PC/SC daemon with libccidtwin.so, pcsc_scan and opensc-tool, run
#                         against the chip reader (CCID) simulator
#   unifont               the bitmap font the printer simulator renders slips with (Hanzi included)
#   mosquitto, postgresql, chromium
#                         the fleet side's tests (not demo): the MQTT broker, the database server they
#                         start, and the headless browser that screenshots the fleet report
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
  have_cmd gammu || need+=(gammu)
  have_cmd nfc-list || need+=(libnfc-bin)
  have_cmd nfc-scan-device || need+=(libnfc-examples)
  have_cmd pn53x-diagnose || need+=(libnfc-pn53x-examples)
  have_cmd /usr/sbin/pcscd || need+=(pcscd)
  [ -f /usr/lib/pcsc/drivers/serial/libccidtwin.so ] || need+=(libccid)
  have_cmd pcsc_scan || need+=(pcsc-tools)
  have_cmd opensc-tool || need+=(opensc)
  have_cmd mosquitto || have_cmd /usr/sbin/mosquitto || need+=(mosquitto)
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
  have_cmd chromium || need+=(chromium)
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
