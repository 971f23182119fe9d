#!/usr/bin/env bash
# A stand-in for a fresh machine of posdiag's kind (Debian, root, Node and npm, nothing else added), made
# from this machine in a few seconds and gone when the run ends:
#
#   - this machine's root as an overlay (lowerdir=/, upperdir on a tmpfs) in a private mount namespace;
#   - every Debian package installed after the image was made is hidden: the files `dpkg -L` lists for it
#     are whited out (char device 0:0), and so are its /var/lib/dpkg/info entries and its row in
#     /var/lib/dpkg/status, so dpkg and apt-get see it as not installed and install it again if asked;
#   - a tmpfs on /root (HOME: no npm cache, no git config) holding only the image's own ~/.npmrc (a fresh
#     machine of this kind comes with it: it points node-gyp at the installed Node's headers), and on /tmp;
#   - chroot into it. The network is the machine's (Debian's and npm's registries).
#
# Nothing outside the namespace changes: the overlay's writes (clones, node_modules, installed
# packages) live on the tmpfs and vanish with it.
#
# Usage (root only; takes a few minutes):
#   scripts/fresh-machine-standin.sh [--baseline FILE] [--repo DIR] [--branch NAME] [-- COMMAND...]
#     --baseline FILE  the image's package list, one name a line (`dpkg-query -W -f '${Package}\n'` taken
#                      before anything was installed); default $POSDIAG_IMAGE_PACKAGES or
#                      /work/baseline/dpkg-image.txt. Every package installed now and not in it is hidden.
#     --repo DIR       the git repository to clone (default: the one this script is in)
#     --branch NAME    the branch to clone (default: the current branch of --repo)
#     COMMAND          run this in the stand-in (as `bash -lc`) instead of the acceptance run below,
#                      e.g. `-- bash` for a shell, `-- 'cd /tmp && git clone … && npm run test:unit'`
#
# The acceptance run, with nothing typed in between: a fresh clone does `npm install && npm start`, then
# `npm test`; a second fresh clone does `npm install && npx posdiag explain 96`. Exit 0 when all pass.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "fresh-machine-standin: run as root (it mounts an overlay and chroots)" >&2
  exit 2
fi

here="$(cd "$(dirname "$0")/.." && pwd)"
baseline="${POSDIAG_IMAGE_PACKAGES:-/work/baseline/dpkg-image.txt}"
repo="$here"
branch=""
command=()
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline) baseline="$2"; shift 2 ;;
    --repo) repo="$2"; shift 2 ;;
    --branch) branch="$2"; shift 2 ;;
    --) shift; command=("$@"); break ;;
    *) echo "fresh-machine-standin: unknown argument $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done
[ -f "$baseline" ] || { echo "fresh-machine-standin: no image package list at $baseline (--baseline FILE)" >&2; exit 2; }
[ -n "$branch" ] || branch="$(git -C "$repo" rev-parse --abbrev-ref HEAD)"
# A worktree's .git is a file; clone from the repository that holds its branches.
source_repo="$(cd "$repo" && cd "$(git rev-parse --git-common-dir)/.." && pwd)"

# Packages installed now that the image did not have (architecture qualifiers dropped for the compare).
mapfile -t hidden < <(comm -13 <(sed 's/[:[:space:]].*//' "$baseline" | sort -u) \
  <(dpkg-query -W -f '${Package}\n' | sort -u))
echo "fresh-machine-standin: hiding ${#hidden[@]} packages added after the image: ${hidden[*]:-none}"

if [ ${#command[@]} -eq 0 ]; then
  run=$(cat <<EOF
set -e
export CI=1
cd /tmp
git clone -q --branch '$branch' 'file://$source_repo' posdiag
cd posdiag
echo "== npm install && npm start"
npm install && npm start
echo "== npm test"
npm test
cd /tmp
git clone -q --branch '$branch' 'file://$source_repo' posdiag-2
cd posdiag-2
echo "== npm install && npx posdiag explain 96"
npm install && npx posdiag explain 96
echo "== all passed"
EOF
)
else
  run="${command[*]}"
fi

state="$(mktemp -d /tmp/posdiag-standin.XXXXXX)"
trap 'rmdir "$state" 2>/dev/null || true' EXIT

# Everything below runs in a private mount namespace: its mounts disappear when it ends.
inner=$(cat <<'INNER'
set -euo pipefail
state="$1"; run="$2"; shift 2
mount -t tmpfs -o size=8g,mode=0755 posdiag-standin "$state"
upper="$state/upper"; work="$state/work"; root="$state/root"
mkdir -p "$upper" "$work" "$root"

whiteout() {
  local path="$1" dir
  # Directories stay (other packages may share them); files and links go. The directory part is resolved
  # (/lib is a link to usr/lib on a merged-/usr system), the file itself is not.
  # A link to a directory (/lib, /bin) is the system's layout, not the package's: it stays too.
  if { [ -L "$path" ] || [ -e "$path" ]; } && [ ! -d "$path" ]; then
    dir="$(realpath "$(dirname "$path")")"
    mkdir -p "$upper$dir"
    mknod "$upper$dir/$(basename "$path")" c 0 0 2>/dev/null || true
  fi
}

for pkg in "$@"; do
  while IFS= read -r path; do
    case "$path" in /*) whiteout "$path" ;; esac
  done < <(dpkg -L "$pkg" 2>/dev/null || true)
  for info in /var/lib/dpkg/info/"$pkg".* /var/lib/dpkg/info/"$pkg":*.*; do
    [ -e "$info" ] && whiteout "$info"
  done
done

# dpkg's status without the hidden packages' stanzas.
mkdir -p "$upper/var/lib/dpkg"
awk -v names=" $* " '
  BEGIN { RS = ""; ORS = "\n\n" }
  { name = $0; sub(/^Package: /, "", name); sub(/\n.*/, "", name); if (index(names, " " name " ") == 0) print }
' /var/lib/dpkg/status > "$upper/var/lib/dpkg/status"

mount -t overlay posdiag-standin -o "lowerdir=/,upperdir=$upper,workdir=$work" "$root"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount --rbind /sys "$root/sys"
mount -t tmpfs -o mode=0700 fresh-home "$root/root"
# The machine image's npm settings (nodedir for native addons, the CA file) come with a fresh machine; the
# cache and everything a session added to HOME do not.
if [ -f /root/.npmrc ]; then cp /root/.npmrc "$root/root/.npmrc"; fi
mount -t tmpfs -o mode=1777 fresh-tmp "$root/tmp"

status=0
chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root TERM="${TERM:-dumb}" LANG=C.UTF-8 \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  /bin/bash -c "$run" || status=$?

# Processes the run left behind would keep the mounts busy; end the ones rooted in the stand-in.
for p in /proc/[0-9]*; do
  if [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ]; then kill -9 "${p#/proc/}" 2>/dev/null || true; fi
done
umount -R -l "$root" 2>/dev/null || true
umount -l "$state" 2>/dev/null || true
exit "$status"
INNER
)
unshare -m --propagation private bash -c "$inner" standin "$state" "$run" "${hidden[@]}"
