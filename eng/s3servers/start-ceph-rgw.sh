#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Starts a throw-away Ceph cluster (one mon, one OSD on memstore, no mgr, no cephx) and a
# radosgw that serves S3 on 127.0.0.1:PORT. Objects live in the OSD's memory only.
#
#   usage:  start-ceph-rgw.sh PORT DATADIR        (DATADIR must be absent or empty)
#   stdout: the PIDs "RGW OSD MON", nothing else (also written to DATADIR/pids)
#   stop:   stop-ceph-rgw.sh DATADIR   (or the PIDs)
#   ports:  PORT (S3), PORT+1 (mon), PORT+2 (S3 with STS); the OSD picks free ports in 6800-7300
#   env:    S3_ACCESS_KEY / S3_SECRET_KEY (default AKIDEXAMPLE / the AWS example secret);
#           MEMSTORE_BYTES (OSD capacity in RAM, default 6 GiB). Any region is accepted.
#   logs:   DATADIR/log/ (setup.log, mon.a.log, osd.0.log, client.rgw.log)
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
cat >"$D/ceph.conf" <<CONF
[global]
fsid = $FSID
mon_host = v2:127.0.0.1:$MONPORT
public_addr = 127.0.0.1
cluster_addr = 127.0.0.1
# cephx is off; without "crc" in the connection modes radosgw waits 300 s on
# "get_initial_auth_request returned -13"
auth_cluster_required = none
auth_service_required = none
auth_client_required = none
ms_mon_client_mode = crc secure
ms_client_mode = crc secure
run_dir = $D/run
admin_socket = $D/run/\$name.asok
log_file = $D/log/\$name.log
pid_file = $D/run/\$name.pid
# a single OSD: size-1 pools, few placement groups, no warnings about either
osd_pool_default_size = 1
osd_pool_default_min_size = 1
mon_allow_pool_size_one = true
mon_warn_on_pool_no_redundancy = false
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_crush_chooseleaf_type = 0
mon_data_avail_crit = 1
mon_data_avail_warn = 2
# the mon batches map changes for 1 s by default, and radosgw's pool creation needs about
# ten of them: propose at once instead (start-up 11 s -> a few seconds)
paxos_propose_interval = 0.01
paxos_min_wait = 0.001

[mon]
mon_data = $D/mon.\$id

[osd]
osd_data = $D/osd.\$id
osd_objectstore = memstore
memstore_device_bytes = ${MEMSTORE_BYTES:-6442450944}
# on SIGTERM the OSD waits up to 5 s for the mon to ack its shutdown; the mon is stopped
# at the same time, so do not wait long
osd_mon_shutdown_timeout = 0.5

[client.rgw]
rgw_frontends = beast endpoint=127.0.0.1:$PORT
# virtual-hosted style requests: Host: <bucket>.s3.localhost:PORT
rgw_dns_name = s3.localhost
rgw_thread_pool_size = 32
rgw_data = $D/rgw
# SSE-C over plain HTTP on loopback (RGW refuses customer keys without TLS by default)
rgw_crypt_require_ssl = false
# deleted objects and parts go to garbage collection: collect them within seconds, not hours, so a long test run
# does not fill the in-memory OSD
rgw_gc_obj_min_wait = 5
rgw_gc_processor_period = 5
rgw_gc_processor_max_time = 5

# A second gateway on the same cluster (same users and buckets) with STS, so tests can get temporary credentials
# with a session token (GetSessionToken). It is separate because STS authentication changes the error code of a
# bad signature on the main gateway from SignatureDoesNotMatch to AccessDenied.
[client.rgwsts]
rgw_frontends = beast endpoint=127.0.0.1:$STSPORT
rgw_thread_pool_size = 8
rgw_data = $D/rgwsts
rgw_crypt_require_ssl = false
rgw_sts_key = abcdefghijklmnop
rgw_s3_auth_use_sts = true
CONF

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

# wait up to 60 s for an HTTP answer on the S3 port
ok=
for _ in $(seq 1 240); do
  [ "$(http_status "http://127.0.0.1:$PORT/")" != 000 ] && { ok=1; break; }
  sleep 0.25
done
[ -n "$ok" ] || fail "radosgw did not answer on 127.0.0.1:$PORT within 60 s"
ok=
for _ in $(seq 1 240); do
  [ "$(http_status "http://127.0.0.1:$STSPORT/")" != 000 ] && { ok=1; break; }
  sleep 0.25
done
[ -n "$ok" ] || fail "the STS radosgw did not answer on 127.0.0.1:$STSPORT within 60 s"
for n in client.rgw client.rgwsts osd.0 mon.a; do
  [ -s "$D/run/$n.pid" ] || fail "no pid file $D/run/$n.pid"
done
PIDS="$(cat "$D/run/client.rgw.pid") $(cat "$D/run/client.rgwsts.pid") $(cat "$D/run/osd.0.pid") $(cat "$D/run/mon.a.pid")"
echo "$PIDS" >"$D/pids"
echo "$PIDS"
