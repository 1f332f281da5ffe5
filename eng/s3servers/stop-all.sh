#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Stops the servers that start-all.sh started under DATAROOT: SIGTERM, then SIGKILL after 10 s.
#   usage: eng/s3servers/stop-all.sh DATAROOT
# Reads DATAROOT/pids (and the per-server pid files, in case start-all.sh was interrupted);
# only processes whose command line names DATAROOT are signalled. The data is left in place.
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
. "$HERE/common.sh"
ROOT=${1:?usage: stop-all.sh DATAROOT}
[ -d "$ROOT" ] || exit 0
# shellcheck disable=SC2046
stop_pids $(collect_pids "$ROOT")
exit 0
