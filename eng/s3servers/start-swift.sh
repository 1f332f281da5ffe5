#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Starts a one-replica OpenStack Swift (proxy + object, container and account servers) with
# the S3 API (s3api + tempauth middleware) on 127.0.0.1:PORT. Objects are files under
# DATADIR/srv (the filesystem must support user xattrs; ext4 and xfs do).
#
#   usage:  start-swift.sh PORT DATADIR           (DATADIR must be absent or empty)
#   stdout: the PIDs "PROXY OBJECT CONTAINER ACCOUNT", nothing else (also in DATADIR/pids)
#   stop:   stop-all.sh DATADIR   (or the PIDs)
#   ports:  PORT (S3 and Swift API), PORT+1 object, PORT+2 container, PORT+3 account
#   env:    S3_ACCESS_KEY (default test:tester; tempauth needs the form account:user),
#           S3_SECRET_KEY (default the AWS example secret; no '%' or whitespace, it goes
#           into an ini file). The region must be us-east-1.
#   logs:   DATADIR/log/
#
# Uses the packaged /etc/swift/swift.conf (hash prefix/suffix, storage policy 0) and no
# memcached: tempauth then simply finds nothing in its cache.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
. "$HERE/common.sh"
PORT=${1:?usage: start-swift.sh PORT DATADIR}
D=${2:?usage: start-swift.sh PORT DATADIR}
AK=${S3_ACCESS_KEY:-$S3_SWIFT_ACCESS_KEY}
SK=${S3_SECRET_KEY:-$S3_DEFAULT_SECRET_KEY}
OBJ=$((PORT + 1)); CONT=$((PORT + 2)); ACC=$((PORT + 3))
fail() { echo "start-swift.sh: $*" >&2; exit 1; }

case "$AK" in *?:?*) ;; *) fail "the access key must look like account:user, got '$AK'";; esac
for b in swift-proxy-server swift-object-server swift-container-server swift-account-server curl; do
  command -v "$b" >/dev/null 2>&1 || fail "'$b' not found; run eng/s3servers/install.sh"
done
[ -f /etc/swift/swift.conf ] || fail "/etc/swift/swift.conf is missing; run eng/s3servers/install.sh"
[ -z "$(ls -A "$D" 2>/dev/null)" ] || fail "$D is not empty"
for p in "$PORT" "$OBJ" "$CONT" "$ACC"; do
  ! port_in_use "$p" || fail "port $p on 127.0.0.1 is already in use"
done
mkdir -p "$D"/{etc,srv/d1,log}
D=$(cd "$D" && pwd)

PIDS=()
cleanup_on_error() {
  local rc=$?
  [ "$rc" -eq 0 ] && return
  stop_pids "${PIDS[@]}"
  echo "start-swift.sh: failed; logs are in $D/log" >&2
}
trap cleanup_on_error EXIT

# Rings: one device, one replica, 2^6 partitions. Built in one Python run with Swift's own
# module, since every swift-ring-builder call costs about a second. Debian's python3 is
# used on purpose: Swift's modules are installed for it, not for any other python3 on PATH.
/usr/bin/python3 - "$D/etc" "$OBJ" "$CONT" "$ACC" >"$D/log/setup.log" 2>&1 <<'PY' || fail "building the rings failed, see $D/log/setup.log"
import sys
from swift.common.ring import RingBuilder

etc = sys.argv[1]
for name, port in zip(("object", "container", "account"), sys.argv[2:]):
    builder = RingBuilder(6, 1, 0)  # part_power, replicas, min_part_hours
    builder.add_dev({"region": 1, "zone": 1, "ip": "127.0.0.1", "port": int(port),
                     "device": "d1", "weight": 1})
    builder.rebalance()
    builder.get_ring().save(f"{etc}/{name}.ring.gz")
PY

DEFAULTS="swift_dir = $D/etc
devices = $D/srv
mount_check = false
bind_ip = 127.0.0.1
workers = 0
user = $(id -un)
log_level = WARNING"

for server in object:$OBJ container:$CONT account:$ACC; do
  name=${server%%:*}; port=${server##*:}
  cat >"$D/etc/$name-server.conf" <<CONF
[DEFAULT]
$DEFAULTS
bind_port = $port

[pipeline:main]
pipeline = $name-server

[app:$name-server]
use = egg:swift#$name
CONF
done

cat >"$D/etc/proxy-server.conf" <<CONF
[DEFAULT]
$DEFAULTS
bind_port = $PORT

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk s3api tempauth copy slo dlo versioned_writes symlink proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true

[filter:s3api]
use = egg:swift#s3api
location = us-east-1
# virtual-hosted style requests: Host: <bucket>.s3.localhost:PORT
storage_domain = s3.localhost

[filter:tempauth]
use = egg:swift#tempauth
user_${AK%%:*}_${AK#*:} = $SK .admin

[filter:versioned_writes]
use = egg:swift#versioned_writes
allow_object_versioning = true

[filter:cache]
use = egg:swift#memcache
# nothing listens there; cache lookups just miss
memcache_servers = 127.0.0.1:1

[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:bulk]
use = egg:swift#bulk
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
[filter:symlink]
use = egg:swift#symlink
CONF

for server in proxy object container account; do
  nohup "swift-$server-server" "$D/etc/$server-server.conf" </dev/null >"$D/log/$server.log" 2>&1 &
  PIDS+=($!)
  echo "${PIDS[*]}" >"$D/pids"
done

# ready when the proxy's healthcheck says OK and the three backends accept connections
swift_ready() {
  [ "$(curl -s -m 2 "http://127.0.0.1:$PORT/healthcheck" 2>/dev/null)" = OK ] \
    && port_in_use "$OBJ" && port_in_use "$CONT" && port_in_use "$ACC"
}
WAIT_PIDS="${PIDS[*]}" wait_until 40 swift_ready || {
  [ $? = 2 ] && fail "a Swift server exited during start-up, see $D/log/"
  fail "Swift did not answer on 127.0.0.1:$PORT within 40 s"
}
echo "${PIDS[*]}"
