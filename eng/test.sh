#!/usr/bin/env bash
# Runs the whole test suite: unit tests, and integration tests against real S3 servers
# (Ceph RGW, OpenStack Swift s3api, s3rver) started on 127.0.0.1 for this run only.
#
#   usage: eng/test.sh [extra 'dotnet test' arguments, e.g. --filter Category=Unit]
#   env:   S3CLIENT_SKIP_SERVERS=1   do not install or start servers: only the unit tests run
#                                    (unless S3CLIENT_TEST_* in the environment point at
#                                    servers you run yourself)
#          S3CLIENT_SERVERS          which servers to start (default rgw,swift,s3rver)
#          S3CLIENT_RGW_PORT, S3CLIENT_SWIFT_PORT, S3CLIENT_S3RVER_PORT
#                                    their ports (default 17480, 18080, 14568; see eng/s3servers/README.md)
#          CONFIGURATION             build configuration (default Release)
#
# Steps: install the servers if missing (eng/s3servers/install.sh), start them in a fresh
# temporary folder, export the S3CLIENT_TEST_* variables of its servers.env, run dotnet test
# with a trx logger into artifacts/test-results, stop the servers (always, also on failure
# or Ctrl-C), print what each server lacks, and add up the .trx files of this run.
# The last line printed is "N passed, N failed" (", N skipped" when some were skipped).
# Exit code: 0 only if dotnet test succeeded, no test failed and at least one test ran.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1
ENG="$ROOT/eng"
RESULTS="$ROOT/artifacts/test-results"
LOGS="$ROOT/artifacts/logs"
CONFIGURATION=${CONFIGURATION:-Release}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { echo "test.sh: $*" >&2; }
elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
mkdir -p "$RESULTS" "$LOGS"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/s3client-test.XXXXXX")
DATAROOT="$WORK/servers"
SERVERS_UP=
KEEP_LOGS=

stop_servers() {
  [ -n "$SERVERS_UP" ] || return 0
  SERVERS_UP=
  "$ENG/s3servers/stop-all.sh" "$DATAROOT" >"$LOGS/stop-servers.log" 2>&1 || true
}
on_exit() {
  stop_servers
  # after a failure, keep the servers' logs (not their data) for a look
  if [ -n "$KEEP_LOGS" ] && [ -d "$DATAROOT" ]; then
    rm -rf "$LOGS/servers"
    mkdir -p "$LOGS/servers"
    for d in "$DATAROOT"/*/; do
      [ -d "$d/log" ] && cp -r "$d/log" "$LOGS/servers/$(basename "$d")"
    done
    cp "$DATAROOT"/*.err "$LOGS/servers/" 2>/dev/null
    say "server logs copied to artifacts/logs/servers/"
  fi
  rm -rf "$WORK"
}
# stop and clean up, then print the summary as the very last line and exit
finish() {
  on_exit
  trap - EXIT
  echo "$1"
  exit "$2"
}
trap on_exit EXIT
trap 'say "interrupted"; exit 130' INT
trap 'say "terminated"; exit 143' TERM

# 1. servers
if [ "${S3CLIENT_SKIP_SERVERS:-}" = 1 ]; then
  say "S3CLIENT_SKIP_SERVERS=1: no servers are installed or started"
else
  t=$EPOCHREALTIME
  if ! "$ENG/s3servers/install.sh" >"$LOGS/install.log" 2>&1; then
    say "installing the test servers failed; the end of $LOGS/install.log:"
    tail -n 40 "$LOGS/install.log" >&2
    finish "0 passed, 0 failed" 1
  fi
  say "test servers installed ($(elapsed "$t") s; log: artifacts/logs/install.log)"

  SERVERS_UP=1   # from here on, whatever start-all.sh manages to start gets stopped
  if ! "$ENG/s3servers/start-all.sh" "$DATAROOT" >/dev/null; then
    KEEP_LOGS=1
    say "the test servers did not start (see above)"
    finish "0 passed, 0 failed" 1
  fi
  # export the KEY=VALUE lines as they are (no shell evaluation of the values)
  while IFS= read -r kv || [ -n "$kv" ]; do
    case "$kv" in S3CLIENT_TEST_*=*) export "${kv%%=*}=${kv#*=}";; esac
  done <"$DATAROOT/servers.env"
  say "servers: ${S3CLIENT_TEST_REQUIRED:-none}; running the tests (a few minutes; a line per test project as it ends)"
fi

# 2. tests
SOLUTION=S3Client.sln
[ -f "$SOLUTION" ] || [ ! -f S3Client.slnx ] || SOLUTION=S3Client.slnx
list_trx() { find "$RESULTS" -name '*.trx' 2>/dev/null | sort; }
list_trx >"$WORK/trx-before"
t=$EPOCHREALTIME
filter=()
if [ "${S3CLIENT_SKIP_SERVERS:-}" = 1 ] && [ -z "${S3CLIENT_TEST_REQUIRED:-}" ]; then
  # no servers: run the unit tests only, rather than integration tests that would fail for want of a server
  filter=(--filter "Category!=Integration")
fi
dotnet test "$SOLUTION" -c "$CONFIGURATION" --logger "trx;LogFilePrefix=results" "${filter[@]}" \
  --results-directory "$RESULTS" "$@"
test_rc=$?
say "dotnet test exited with $test_rc after $(elapsed "$t") s"

# 3. the AOT smoke test: published with PublishAot (a trim/AOT warning fails it), run against s3rver
aot=skipped
if [ -n "${S3CLIENT_TEST_S3RVER_URL:-}" ] && [ "${S3CLIENT_SKIP_AOT:-}" != 1 ]; then
  t=$EPOCHREALTIME
  if "$ENG/aot-smoke.sh" "$S3CLIENT_TEST_S3RVER_URL" "$S3CLIENT_TEST_S3RVER_ACCESS_KEY" "$S3CLIENT_TEST_S3RVER_SECRET_KEY" >"$LOGS/aot-smoke.log" 2>&1; then
    aot=passed
  else
    aot=failed
    tail -n 20 "$LOGS/aot-smoke.log" >&2
  fi
  say "AOT smoke test $aot after $(elapsed "$t") s (log: artifacts/logs/aot-smoke.log)"
fi

stop_servers

# 4. what each server lacks (declared in S3TestServers.Gaps; their tests do not run there), from the capability test's
# output in the .trx files, so it shows on the console and not only in the results

trx=()
while IFS= read -r f; do trx+=("$f"); done < <(list_trx | comm -13 "$WORK/trx-before" -)
if [ ${#trx[@]} -gt 0 ]; then
  gaps=$(grep -ho '[a-z0-9]* lacks: [^<&]*' "${trx[@]}" 2>/dev/null | sed 's/[[:space:]]*$//' | sort -u)
  if [ -n "$gaps" ]; then
    say "features each server lacks (tests of these do not run there; see eng/s3servers/README.md):"
    sed 's/^/  /' <<<"$gaps" >&2
  fi
fi

# 5. summary (must stay the last line of output); the AOT smoke test counts as one test

[ ${#trx[@]} -gt 0 ] || say "no .trx file was written to artifacts/test-results"
summary=$("$ENG/trx-summary.sh" "${trx[@]}")
summary_rc=$?
if [ "$aot" != skipped ]; then
  read -r p _ f _ rest <<<"${summary//,/}"
  [ "$aot" = passed ] && p=$((p + 1)) || { f=$((f + 1)); summary_rc=1; }
  summary="$p passed, $f failed${rest:+, $rest}"
fi
[ "$test_rc" -eq 0 ] || KEEP_LOGS=1
if [ "$test_rc" -ne 0 ] || [ "$summary_rc" -ne 0 ]; then
  finish "$summary" 1
fi
finish "$summary" 0
