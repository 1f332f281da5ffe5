#!/usr/bin/env bash
# Stops what start-swift.sh started.
#   usage: stop-swift.sh DATADIR     (uses DATADIR/pids)
#      or: stop-swift.sh PID [PID...] (the PIDs start-swift.sh printed)
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ $# -eq 1 ] && [ -d "$1" ]; then
  [ -f "$1/pids" ] || { echo "stop-swift.sh: no $1/pids" >&2; exit 0; }
  # shellcheck disable=SC2046
  set -- $(cat "$1/pids")
fi
exec "$HERE/stop-pids.sh" "$@"
