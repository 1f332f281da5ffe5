# shellcheck shell=bash disable=SC2034
# Shared settings for the scripts in this folder; sourced, not run.
# Everything here can be overridden from the environment.

# Default credentials. Swift's tempauth needs an access key of the form account:user.
S3_DEFAULT_ACCESS_KEY=${S3_DEFAULT_ACCESS_KEY:-AKIDEXAMPLE}
S3_DEFAULT_SECRET_KEY=${S3_DEFAULT_SECRET_KEY:-wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY}
S3_SWIFT_ACCESS_KEY=${S3_SWIFT_ACCESS_KEY:-test:tester}

# s3rver: the @20minutes fork checks SigV4 signatures (the original s3rver 3.x accepts any).
# 4.0.4 is the last release that runs on Node.js 20.
S3RVER_PKG=${S3RVER_PKG:-@20minutes/s3rver@4.0.4}
S3RVER_NAME=${S3RVER_PKG%@*}
if [ -z "${S3RVER_HOME:-}" ]; then
  _cache=${XDG_CACHE_HOME:-${HOME:+$HOME/.cache}}
  [ -n "$_cache" ] || _cache="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/artifacts/cache"
  S3RVER_HOME="$_cache/s3client-test-servers/$(printf '%s' "$S3RVER_PKG" | tr '/@' '__')"
  unset _cache
fi

# true when something accepts TCP connections on 127.0.0.1:$1
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# HTTP status of a plain GET (000 when nothing answers)
http_status() { curl -s -o /dev/null -m 2 -w '%{http_code}' "$1" 2>/dev/null || true; }

# true when an HTTP server answers on URL $1, whatever the status
http_answers() { [ "$(http_status "$1")" != 000 ]; }

# The one readiness wait: runs the command "$2 ..." every 0.25 s until it succeeds, for up to $1 seconds.
# Returns 0 when ready, 1 on timeout, and 2 as soon as one of the PIDs in WAIT_PIDS (optional) has exited.
wait_until() {
  local seconds=$1 pid i
  shift
  for ((i = 0; i < seconds * 4; i++)); do
    for pid in ${WAIT_PIDS:-}; do
      kill -0 "$pid" 2>/dev/null || return 2
    done
    "$@" && return 0
    sleep 0.25
  done
  return 1
}

# Prints template file $1 with each @NAME@ replaced by the value of a NAME=VALUE argument (no shell evaluation).
render_template() {
  local text kv
  text=$(<"$1")
  shift
  for kv in "$@"; do
    text=${text//"@${kv%%=*}@"/"${kv#*=}"}
  done
  printf '%s\n' "$text"
}

# Stop processes by PID: SIGTERM to all, wait up to 10 s, then SIGKILL to what is left.
stop_pids() {
  local pid left
  for pid in "$@"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 50); do
    left=0
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && left=1; done
    [ "$left" = 0 ] && return 0
    sleep 0.2
  done
  for pid in "$@"; do kill -KILL "$pid" 2>/dev/null || true; done
  # wait (up to 5 s) until the kernel has really removed them
  for _ in $(seq 1 25); do
    left=0
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && left=1; done
    [ "$left" = 0 ] && return 0
    sleep 0.2
  done
  return 0
}

# PIDs of the servers started under data root $1 (a start-all.sh DATAROOT or one server's
# DATADIR): from the pids files and Ceph's pid files. Only processes that are alive and whose
# command line names that folder are listed, so a reused PID is never picked up.
collect_pids() {
  local root pid cmd
  root=$(cd "$1" 2>/dev/null && pwd) || return 0
  for pid in $(cat "$root"/pids "$root"/*/pids "$root"/run/*.pid "$root"/*/run/*.pid 2>/dev/null | tr ' ' '\n' | sort -un); do
    case "$pid" in ''|*[!0-9]*) continue;; esac
    kill -0 "$pid" 2>/dev/null || continue
    if [ -r "/proc/$pid/cmdline" ]; then
      cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || continue
      case "$cmd" in *"$root"*) ;; *) continue;; esac
    fi
    echo "$pid"
  done
}
