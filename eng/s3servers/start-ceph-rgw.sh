#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Starts a throw-away Ceph cluster (one mon, one OSD on memstore, no mgr, no cephx) and a
# radosgw that serves S3 on 127.0.0.1:PORT. Objects live in the OSD's memory only.
#
#   usage:  start-ceph-rgw.sh PORT DATADIR        (DATADIR must be absent or empty)
#   stdout: the PIDs "RGW OSD MON", nothing else (also written to DATADIR/pids)
#   stop:   stop-all.sh DATADIR   (or the PIDs)
#   ports:  PORT (S3), PORT+1 (mon), PORT+2 (S3 with STS); the OSD picks free ports in 6800-7300
#   env:    S3_ACCESS_KEY / S3_SECRET_KEY (default AKIDEXAMPLE / the AWS example secret);
#           MEMSTORE_BYTES (OSD capacity in RAM, default 6 GiB). Any region is accepted.
#   logs:   DATADIR/log/ (setup.log, mon.a.log, osd.0.log, client.rgw.log)
#   conf:   DATADIR/ceph.conf, from ceph.conf.template
#
# More users while it runs (e.g. for cross-account tests):
#   radosgw-admin -c DATADIR/ceph.conf user create --uid=u2 --display-name=u2 --access-key=.. --secret-key=..
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
. "$HERE/common.sh"
PORT=${1:?usage: start-ceph-rgw.sh PORT DATADIR}
D=${2:?usage: start-ceph-rgw.sh PORT DATADIR}
AK=${S3_ACCESS_KEY:-$S3_DEFAULT_ACCESS_KEY}
SK=${S3_SECRET_KEY:-$S3_DEFAULT_SECRET_KEY}
MONPORT=$((PORT + 1))
STSPORT=$((PORT + 2))
fail() { echo "start-ceph-rgw.sh: $*" >&2; exit 1; }

for b in ceph ceph-mon ceph-osd ceph-authtool monmaptool radosgw radosgw-admin curl; do
  command -v "$b" >/dev/null 2>&1 || fail "'$b' not found; run eng/s3servers/install.sh"
done
[ -z "$(ls -A "$D" 2>/dev/null)" ] || fail "$D is not empty"
for p in "$PORT" "$MONPORT" "$STSPORT"; do
  ! port_in_use "$p" || fail "port $p on 127.0.0.1 is already in use"
done
mkdir -p "$D"/{mon.a,osd.0,run,log,rgw,rgwsts}
D=$(cd "$D" && pwd)

# Whatever daemons came up are stopped again if anything below fails.
started_pids() { cat "$D"/run/*.pid 2>/dev/null | tr '\n' ' '; }
cleanup_on_error() {
  local rc=$?
  [ "$rc" -eq 0 ] && return
  # shellcheck disable=SC2046
  stop_pids $(started_pids)
  echo "start-ceph-rgw.sh: failed; logs are in $D/log" >&2
}
trap cleanup_on_error EXIT

FSID=$(cat /proc/sys/kernel/random/uuid)
render_template "$HERE/ceph.conf.template" >"$D/ceph.conf" \
  FSID="$FSID" PORT="$PORT" MONPORT="$MONPORT" STSPORT="$STSPORT" DATADIR="$D" MEMSTORE_BYTES="${MEMSTORE_BYTES:-6442450944}"

CONF=(-c "$D/ceph.conf")
# (not run as "( ... ) || fail": errexit would be ignored inside)
set +e
(
  set -ex
  monmaptool --create --fsid "$FSID" --addv a "v2:127.0.0.1:$MONPORT" "$D/monmap"
  ceph-authtool --create-keyring "$D/keyring" --gen-key -n mon. --cap mon 'allow *'
  ceph-mon "${CONF[@]}" --mkfs -i a --monmap "$D/monmap" --keyring "$D/keyring"
  ceph-mon "${CONF[@]}" -i a                          # forks; pid in run/mon.a.pid
  OSD_UUID=$(cat /proc/sys/kernel/random/uuid)
  timeout 60 ceph "${CONF[@]}" osd new "$OSD_UUID"    # prints the new id: 0
  ceph-osd "${CONF[@]}" -i 0 --mkfs --osd-uuid "$OSD_UUID"
  ceph-osd "${CONF[@]}" -i 0                          # forks; run/osd.0.pid
  radosgw "${CONF[@]}" -n client.rgw                  # forks; creates its pools; run/client.rgw.pid
  radosgw "${CONF[@]}" -n client.rgwsts               # forks; run/client.rgwsts.pid
  timeout 60 radosgw-admin "${CONF[@]}" user create --uid=tester --display-name=Tester \
    --access-key="$AK" --secret-key="$SK"
  # lets the user attach a policy to itself that allows sts:GetSessionToken (session-token tests)
  timeout 60 radosgw-admin "${CONF[@]}" caps add --uid=tester --caps="user-policy=*"
) >"$D/log/setup.log" 2>&1
rc=$?
set -e
[ "$rc" -eq 0 ] || fail "setup failed (exit $rc), see $D/log/setup.log"

wait_until 60 http_answers "http://127.0.0.1:$PORT/" || fail "radosgw did not answer on 127.0.0.1:$PORT within 60 s"
wait_until 60 http_answers "http://127.0.0.1:$STSPORT/" || fail "the STS radosgw did not answer on 127.0.0.1:$STSPORT within 60 s"
for n in client.rgw client.rgwsts osd.0 mon.a; do
  [ -s "$D/run/$n.pid" ] || fail "no pid file $D/run/$n.pid"
done
PIDS="$(cat "$D/run/client.rgw.pid") $(cat "$D/run/client.rgwsts.pid") $(cat "$D/run/osd.0.pid") $(cat "$D/run/mon.a.pid")"
echo "$PIDS" >"$D/pids"
echo "$PIDS"
