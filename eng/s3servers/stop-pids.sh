#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Stops processes by PID: SIGTERM to all, then SIGKILL to those still alive after 10 s.
#   usage: stop-pids.sh PID [PID...]
# Only the PIDs given are touched. Unknown or already finished PIDs are ignored.
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
. "$HERE/common.sh"
pids=()
for a in "$@"; do
  case "$a" in ''|*[!0-9]*) echo "stop-pids.sh: ignoring '$a' (not a PID)" >&2;; *) pids+=("$a");; esac
done
[ ${#pids[@]} -eq 0 ] || stop_pids "${pids[@]}"
exit 0
