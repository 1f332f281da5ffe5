#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Starts the S3 test servers side by side, each under its own folder of DATAROOT, and
# describes them for the test suite.
#
#   usage:  eng/s3servers/start-all.sh DATAROOT     (stop: eng/s3servers/stop-all.sh DATAROOT)
#   env:    S3CLIENT_SERVERS     which servers, comma-separated (default rgw,swift,s3rver)
#           S3CLIENT_RGW_PORT    default 17480 (the mon takes +1)
#           S3CLIENT_SWIFT_PORT  default 18080 (backends take +1..+3)
#           S3CLIENT_S3RVER_PORT default 14568
#   writes: DATAROOT/servers.env  KEY=VALUE lines, S3CLIENT_TEST_<SERVER>_{URL,ACCESS_KEY,
#                                 SECRET_KEY,REGION} and S3CLIENT_TEST_REQUIRED=<servers started>
#           DATAROOT/pids         every PID started
#           DATAROOT/<server>/    data and logs of each server
#   stdout: the PIDs; progress goes to stderr.
# If a server fails to start, the tail of its logs goes to stderr, the servers that did
# start are stopped again, and the exit code is 1.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
. "$HERE/common.sh"
ROOT=${1:?usage: start-all.sh DATAROOT}
mkdir -p "$ROOT"
ROOT=$(cd "$ROOT" && pwd)
log() { echo "start-all.sh: $*" >&2; }

IFS=', ' read -r -a SERVERS <<<"${S3CLIENT_SERVERS:-rgw,swift,s3rver}"
declare -A SCRIPT=([rgw]=start-ceph-rgw.sh [swift]=start-swift.sh [s3rver]=start-s3rver.sh)
declare -A PORT=([rgw]=${S3CLIENT_RGW_PORT:-17480} [swift]=${S3CLIENT_SWIFT_PORT:-18080} [s3rver]=${S3CLIENT_S3RVER_PORT:-14568})
declare -A AKEY=([rgw]=$S3_DEFAULT_ACCESS_KEY [swift]=$S3_SWIFT_ACCESS_KEY [s3rver]=$S3_DEFAULT_ACCESS_KEY)
for s in "${SERVERS[@]}"; do
  [ -n "${SCRIPT[$s]:-}" ] || { log "unknown server '$s' (known: rgw, swift, s3rver)"; exit 2; }
done
[ ${#SERVERS[@]} -gt 0 ] || { log "no servers selected"; exit 2; }
rm -f "$ROOT/servers.env" "$ROOT/pids"

# Stops everything started under ROOT so far (also on Ctrl-C while starting).
stop_started() {
  # shellcheck disable=SC2046
  stop_pids $(collect_pids "$ROOT")
}
on_signal() {
  trap '' INT TERM
  log "interrupted; stopping what was started"
  wait   # the start scripts ignore SIGINT (background jobs); let them finish, then stop all
  stop_started
  exit 130
}
trap on_signal INT TERM

# All start scripts run at once (warm: RGW ~1 s, Swift ~2-3 s, s3rver <1 s).
T0=$EPOCHREALTIME
declare -A JOB
for s in "${SERVERS[@]}"; do
  (
    t=$EPOCHREALTIME
    rc=0
    S3_ACCESS_KEY=${AKEY[$s]} S3_SECRET_KEY=$S3_DEFAULT_SECRET_KEY \
      "$HERE/${SCRIPT[$s]}" "${PORT[$s]}" "$ROOT/$s" >"$ROOT/$s.out" 2>"$ROOT/$s.err" </dev/null || rc=$?
    awk -v a="$t" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f\n", b - a }' >"$ROOT/$s.seconds"
    exit "$rc"
  ) &
  JOB[$s]=$!
done

failed=()
for s in "${SERVERS[@]}"; do
  if wait "${JOB[$s]}"; then
    log "$s answers on http://127.0.0.1:${PORT[$s]} (started in $(cat "$ROOT/$s.seconds") s; pids $(cat "$ROOT/$s.out"))"
  else
    failed+=("$s")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  for s in "${failed[@]}"; do
    log "---- $s failed to start (port ${PORT[$s]}); its output:"
    sed 's/^/    /' "$ROOT/$s.err" >&2 || true
    for f in "$ROOT/$s"/log/*.log; do
      [ -s "$f" ] || continue
      log "---- last lines of $f"
      tail -n 25 "$f" | sed 's/^/    /' >&2
    done
  done
  log "stopping the servers that did start"
  stop_started
  log "FAILED: ${failed[*]} (logs under $ROOT)"
  exit 1
fi

required=$(IFS=,; echo "${SERVERS[*]}")
{
  for s in "${SERVERS[@]}"; do
    u=${s^^}
    echo "S3CLIENT_TEST_${u}_URL=http://127.0.0.1:${PORT[$s]}"
    echo "S3CLIENT_TEST_${u}_ACCESS_KEY=${AKEY[$s]}"
    echo "S3CLIENT_TEST_${u}_SECRET_KEY=$S3_DEFAULT_SECRET_KEY"
    echo "S3CLIENT_TEST_${u}_REGION=us-east-1"
    # the RGW script also starts a gateway with STS (session tokens) on PORT+2
    [ "$s" = rgw ] && echo "S3CLIENT_TEST_RGW_STS_URL=http://127.0.0.1:$((PORT[rgw] + 2))"
  done
  echo "S3CLIENT_TEST_REQUIRED=$required"
} >"$ROOT/servers.env"
for s in "${SERVERS[@]}"; do cat "$ROOT/$s.out"; done | tr -s ' \n' '  ' | sed 's/ *$//' >"$ROOT/pids"
echo >>"$ROOT/pids"
log "all up in $(awk -v a="$T0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s: $required"
cat "$ROOT/pids"
