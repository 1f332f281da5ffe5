#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Runs the worker-service sample (samples/S3Client.Samples.Worker) end to end: create a bucket, upload, list,
# download and verify SHA-256, head, delete.
#
#   usage: eng/run-sample.sh [arguments for the sample, e.g. --Sample:ObjectCount=50]
#   env:   S3__ServiceUrl unset: s3rver is installed if missing (npm), started on a free port of 127.0.0.1
#                                (from SAMPLE_S3RVER_PORT, default 14600) with its data in a temporary folder,
#                                and stopped when the sample ends, also after a failure or Ctrl+C.
#          S3__ServiceUrl set:   the sample runs against that service only; give S3__Region, S3__AccessKeyId
#                                and S3__SecretAccessKey too (appsettings.json holds only local example keys).
#          S3__* always win over the defaults set here, e.g. S3__SecretAccessKey=wrong shows an S3 error.
#          CONFIGURATION         build configuration (default Release)
#
# Exit code: the sample's (0 when every check passed).
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1
S3SERVERS="$ROOT/eng/s3servers"
# shellcheck source=s3servers/common.sh
. "$S3SERVERS/common.sh"   # default credentials, port_in_use
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { echo "run-sample.sh: $*" >&2; }

SERVER_PID=
SERVER_DIR=
# shellcheck disable=SC2317  # called from the EXIT trap
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  "$S3SERVERS/stop-s3rver.sh" "$SERVER_PID"
  say "s3rver (PID $SERVER_PID) stopped"
  SERVER_PID=
}
# shellcheck disable=SC2317  # the EXIT trap
on_exit() {
  local rc=$?
  stop_server
  # after a failure, the server's view of the requests helps; then the folder goes
  if [ "$rc" -ne 0 ] && [ -f "$SERVER_DIR/log/s3rver.log" ]; then
    say "the last lines of the s3rver log:"
    tail -n 15 "$SERVER_DIR/log/s3rver.log" | sed 's/\x1b\[[0-9;]*m//g' >&2
  fi
  [ -z "$SERVER_DIR" ] || rm -rf "$SERVER_DIR"
  exit "$rc"
}
trap on_exit EXIT
# Ctrl+C reaches the sample too; it cleans up its bucket and exits, then the EXIT trap stops the server.
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "${S3__ServiceUrl:-}" ]; then
  port=${SAMPLE_S3RVER_PORT:-14600}
  last=$((port + 50))
  while port_in_use "$port"; do
    port=$((port + 1))
    [ "$port" -le "$last" ] || { say "no free port on 127.0.0.1 from ${SAMPLE_S3RVER_PORT:-14600} to $last"; exit 1; }
  done

  SERVER_DIR=$(mktemp -d -t s3client-sample.XXXXXX)
  access_key=${S3_ACCESS_KEY:-$S3_DEFAULT_ACCESS_KEY}
  secret_key=${S3_SECRET_KEY:-$S3_DEFAULT_SECRET_KEY}
  # start-s3rver.sh installs s3rver with npm on first use (install.sh would also install Ceph and Swift)
  say "starting s3rver on 127.0.0.1:$port"
  SERVER_PID=$(S3_ACCESS_KEY=$access_key S3_SECRET_KEY=$secret_key "$S3SERVERS/start-s3rver.sh" "$port" "$SERVER_DIR") \
    || { SERVER_PID=; say "s3rver did not start"; exit 1; }
  say "s3rver is up (PID $SERVER_PID)"

  export S3__ServiceUrl="http://127.0.0.1:$port"
  export S3__Region=${S3__Region:-us-east-1}
  export S3__AccessKeyId=${S3__AccessKeyId:-$access_key}
  export S3__SecretAccessKey=${S3__SecretAccessKey:-$secret_key}
  export S3__AddressingStyle=${S3__AddressingStyle:-Path}
else
  say "S3__ServiceUrl is set: running against $S3__ServiceUrl"
fi

# Not 'exec': the EXIT trap must still stop the server after the sample ends.
dotnet run --project samples/S3Client.Samples.Worker -c "${CONFIGURATION:-Release}" -- "$@"
rc=$?
say "the sample exited with $rc"
exit "$rc"
