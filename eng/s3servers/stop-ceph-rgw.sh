#!/usr/bin/env bash
# Stops what start-ceph-rgw.sh started.
#   usage: stop-ceph-rgw.sh DATADIR     (uses DATADIR/pids)
#      or: stop-ceph-rgw.sh PID [PID...] (the PIDs start-ceph-rgw.sh printed)
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ $# -eq 1 ] && [ -d "$1" ]; then
  [ -f "$1/pids" ] || { echo "stop-ceph-rgw.sh: no $1/pids" >&2; exit 0; }
  # shellcheck disable=SC2046
  set -- $(cat "$1/pids")
fi
exec "$HERE/stop-pids.sh" "$@"
