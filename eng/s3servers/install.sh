#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Installs the S3-compatible servers used by the integration tests, where missing:
#   - Ceph RGW (radosgw, plus one mon and one memstore OSD)   Debian packages
#   - OpenStack Swift with its s3api middleware                Debian packages
#   - s3rver (@20minutes/s3rver), a small Node.js server       npm, into a cache folder
# Idempotent: when everything is present it only looks at a few files and returns.
#
#   usage: eng/s3servers/install.sh
#   env:   S3RVER_HOME  where s3rver is installed (default: ~/.cache/s3client-test-servers/...)
#
# Needs root (or password-less sudo) for apt. 'apt-get update' runs only when a package is
# missing and the package lists were never fetched, or when the first install attempt fails.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
. "$HERE/common.sh"

log() { echo "install.sh: $*" >&2; }

AS_ROOT=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { log "not root and no sudo: cannot run apt-get"; }
  AS_ROOT=(sudo -n)
fi

# "package:file it provides" - a cheap presence check, no dpkg call needed
CHECKS=(
  ceph-mon:/usr/bin/ceph-mon
  ceph-osd:/usr/bin/ceph-osd
  radosgw:/usr/bin/radosgw
  swift:/etc/swift/swift.conf
  swift-proxy:/usr/bin/swift-proxy-server
  swift-object:/usr/bin/swift-object-server
  swift-container:/usr/bin/swift-container-server
  swift-account:/usr/bin/swift-account-server
  curl:/usr/bin/curl
)
# Node.js normally comes with the machine; fall back to Debian's if it does not.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  CHECKS+=(nodejs:/usr/bin/node npm:/usr/bin/npm)
fi

missing=()
for c in "${CHECKS[@]}"; do
  [ -e "${c#*:}" ] || missing+=("${c%%:*}")
done
# ceph-mon/ceph-osd also bring the ceph CLI, monmaptool and ceph-authtool; radosgw brings radosgw-admin
for b in ceph monmaptool ceph-authtool radosgw-admin; do
  command -v "$b" >/dev/null 2>&1 || { missing+=(ceph-mon ceph-osd radosgw); break; }
done

if [ ${#missing[@]} -gt 0 ]; then
  # shellcheck disable=SC2207
  missing=($(printf '%s\n' "${missing[@]}" | sort -u))
  log "installing Debian packages: ${missing[*]}"
  apt_install() {
    "${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" >&2
  }
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
    "${AS_ROOT[@]}" apt-get update -q >&2
  fi
  if ! apt_install; then
    log "apt-get install failed; refreshing the package lists and trying once more"
    "${AS_ROOT[@]}" apt-get update -q >&2
    apt_install
  fi
  for c in "${CHECKS[@]}"; do
    [ -e "${c#*:}" ] || { log "still missing after apt-get install: ${c#*:}"; exit 1; }
  done
fi

# s3rver: npm install into its own folder, never into the repository
if [ ! -f "$S3RVER_HOME/node_modules/$S3RVER_NAME/package.json" ]; then
  log "installing $S3RVER_PKG with npm into $S3RVER_HOME"
  mkdir -p "$S3RVER_HOME"
  npm install --prefix "$S3RVER_HOME" --no-audit --no-fund --loglevel=error "$S3RVER_PKG" >&2
  [ -f "$S3RVER_HOME/node_modules/$S3RVER_NAME/package.json" ] \
    || { log "npm install of $S3RVER_PKG did not produce $S3RVER_HOME/node_modules/$S3RVER_NAME"; exit 1; }
fi
exit 0
