#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# The one stop script: stops what start-all.sh or a single start-*.sh script started. SIGTERM, then SIGKILL to
# whatever is still alive after 10 s. The data is left in place.
#   usage: eng/s3servers/stop-all.sh DATAROOT     (start-all.sh's folder, or one server's DATADIR)
#      or: eng/s3servers/stop-all.sh PID [PID...]  (the PIDs a start script printed)
# With a folder, the PIDs come from its pids files (and Ceph's pid files, in case a start was interrupted), and only
# processes whose command line names that folder are signalled, so a reused PID is never hit. PIDs given directly are
# signalled as they are; anything that is not a number is ignored with a warning.
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
. "$HERE/common.sh"
[ $# -gt 0 ] || { echo "usage: stop-all.sh DATAROOT | PID [PID...]" >&2; exit 2; }
if [ $# -eq 1 ] && [ -d "$1" ]; then
  # shellcheck disable=SC2046
  set -- $(collect_pids "$1")
elif [ $# -eq 1 ] && ! [[ "$1" =~ ^[0-9]+$ ]]; then
  exit 0   # a folder that does not exist (any more): nothing was started there
fi
pids=()
for a in "$@"; do
  case "$a" in ''|*[!0-9]*) echo "stop-all.sh: ignoring '$a' (not a PID)" >&2;; *) pids+=("$a");; esac
done
[ ${#pids[@]} -eq 0 ] || stop_pids "${pids[@]}"
exit 0
