# shellcheck shell=bash
# shellcheck source-path=SCRIPTDIR
# Shared by eng/run-sample.sh and eng/run-api-sample.sh; sourced, not run. Before sourcing, set ROOT (the repository)
# and SAMPLE_SCRIPT (the name its messages start with). When S3__ServiceUrl is unset, it starts s3rver on a free port
# of 127.0.0.1 (from SAMPLE_S3RVER_PORT, default 14600) with its data in a temporary folder and exports the S3__*
# settings for it (S3__* already set win); an EXIT trap stops that server, shows the end of its log after a failure
# and removes the folder, also after Ctrl+C. start-s3rver.sh installs s3rver with npm on first use.
: "${ROOT:?set ROOT before sourcing}" "${SAMPLE_SCRIPT:?set SAMPLE_SCRIPT before sourcing}"
S3SERVERS="$ROOT/eng/s3servers"
# shellcheck source=s3servers/common.sh
. "$S3SERVERS/common.sh"   # default credentials, port_in_use
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { echo "$SAMPLE_SCRIPT: $*" >&2; }

SERVER_PID=
SERVER_DIR=
# shellcheck disable=SC2317  # called from the EXIT trap
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  "$S3SERVERS/stop-all.sh" "$SERVER_PID"
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
# Ctrl+C reaches the sample too; it stops (the worker cleans up its bucket first), then the EXIT trap stops the server.
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "${S3__ServiceUrl:-}" ]; then
  port=${SAMPLE_S3RVER_PORT:-14600}
  last=$((port + 50))
  while port_in_use "$port"; do
    port=$((port + 1))
    [ "$port" -le "$last" ] || { say "no free port on 127.0.0.1 from ${SAMPLE_S3RVER_PORT:-14600} to $last"; exit 1; }
  done

  SERVER_DIR=$(mktemp -d -t "s3client-${SAMPLE_SCRIPT%.sh}.XXXXXX")
  access_key=${S3_ACCESS_KEY:-$S3_DEFAULT_ACCESS_KEY}
  secret_key=${S3_SECRET_KEY:-$S3_DEFAULT_SECRET_KEY}
  say "starting s3rver on 127.0.0.1:$port"
  SERVER_PID=$(S3_ACCESS_KEY=$access_key S3_SECRET_KEY=$secret_key "$S3SERVERS/start-s3rver.sh" "$port" "$SERVER_DIR") \
    || { SERVER_PID=; say "s3rver did not start"; exit 1; }
  say "s3rver is up (PID $SERVER_PID), storing objects under $SERVER_DIR/data"

  export S3__ServiceUrl="http://127.0.0.1:$port"
  export S3__Region=${S3__Region:-us-east-1}
  export S3__AccessKeyId=${S3__AccessKeyId:-$access_key}
  export S3__SecretAccessKey=${S3__SecretAccessKey:-$secret_key}
  export S3__AddressingStyle=${S3__AddressingStyle:-Path}
else
  say "S3__ServiceUrl is set: running against $S3__ServiceUrl"
fi

