#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Starts s3rver (the @20minutes/s3rver fork, a small Node.js S3 server that keeps objects
# as files) on 127.0.0.1:PORT, with its data under DATADIR/data.
#
#   usage:  start-s3rver.sh PORT DATADIR
#   stdout: the PID, nothing else (also written to DATADIR/pids)
#   stop:   stop-all.sh DATADIR   (or the PID)
#   env:    S3_ACCESS_KEY / S3_SECRET_KEY (default AKIDEXAMPLE / the AWS example secret;
#           S3RVER/S3RVER works as well). Any region is accepted.
#           S3RVER_PKG / S3RVER_HOME: which npm package, and where it is installed
#           (see common.sh); installed on first use if install.sh has not done it.
#   log:    DATADIR/log/s3rver.log
#
# Node runs with --openssl-legacy-provider: s3rver encrypts ListObjectsV2 continuation
# tokens with DES, which OpenSSL 3 refuses otherwise (a 500 on the second page).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
. "$HERE/common.sh"
PORT=${1:?usage: start-s3rver.sh PORT DATADIR}
D=${2:?usage: start-s3rver.sh PORT DATADIR}
fail() { echo "start-s3rver.sh: $*" >&2; exit 1; }

command -v node >/dev/null 2>&1 || fail "'node' not found; run eng/s3servers/install.sh"
command -v curl >/dev/null 2>&1 || fail "'curl' not found; run eng/s3servers/install.sh"
PKG_DIR="$S3RVER_HOME/node_modules/$S3RVER_NAME"
if [ ! -f "$PKG_DIR/package.json" ]; then
  mkdir -p "$S3RVER_HOME"
  npm install --prefix "$S3RVER_HOME" --no-audit --no-fund --loglevel=error "$S3RVER_PKG" >&2 \
    || fail "npm install of $S3RVER_PKG failed"
fi
! port_in_use "$PORT" || fail "port $PORT on 127.0.0.1 is already in use"
mkdir -p "$D/data" "$D/log"
D=$(cd "$D" && pwd)

S3_ACCESS_KEY=${S3_ACCESS_KEY:-$S3_DEFAULT_ACCESS_KEY} S3_SECRET_KEY=${S3_SECRET_KEY:-$S3_DEFAULT_SECRET_KEY} \
  nohup node --openssl-legacy-provider "$HERE/s3rver-launch.js" "$PKG_DIR" "$PORT" "$D/data" \
  </dev/null >"$D/log/s3rver.log" 2>&1 &
PID=$!
echo "$PID" >"$D/pids"

WAIT_PIDS=$PID wait_until 20 http_answers "http://127.0.0.1:$PORT/" || {
  rc=$?
  [ "$rc" = 2 ] && fail "s3rver exited during start-up, see $D/log/s3rver.log"
  stop_pids "$PID"
  fail "s3rver did not answer on 127.0.0.1:$PORT within 20 s, see $D/log/s3rver.log"
}
echo "$PID"
