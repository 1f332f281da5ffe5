#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Runs the minimal API sample (samples/S3Client.Samples.Api) on http://127.0.0.1:5080 until Ctrl+C, against a local
# s3rver it starts (or the service in S3__ServiceUrl). Try it from another terminal:
#
#   head -c 1G /dev/urandom | curl -T - http://127.0.0.1:5080/files/big.bin     # streamed upload
#   curl -o big.bin http://127.0.0.1:5080/files/big.bin                         # streamed download
#   curl 'http://127.0.0.1:5080/files?prefix=b'                                 # listing
#   curl -X POST 'http://127.0.0.1:5080/presign/big.bin?method=GET&expiresInSeconds=600'
#   curl -X DELETE http://127.0.0.1:5080/files/big.bin
#   curl http://127.0.0.1:5080/health
#
#   usage: eng/run-api-sample.sh [arguments for the API, e.g. --Urls=http://127.0.0.1:5081 --Sample:Bucket=files]
#   env:   as eng/run-sample.sh: S3__ServiceUrl unset starts s3rver on a free port of 127.0.0.1 (from
#          SAMPLE_S3RVER_PORT, default 14600) with its data in a temporary folder, removed when the API stops;
#          OpenTelemetry__Console=true prints traces and metrics; CONFIGURATION (default Release).
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1
S3SERVERS="$ROOT/eng/s3servers"
# shellcheck source=s3servers/common.sh
. "$S3SERVERS/common.sh"   # default credentials, port_in_use
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { echo "run-api-sample.sh: $*" >&2; }

SERVER_PID=
SERVER_DIR=
# shellcheck disable=SC2317  # the EXIT trap
on_exit() {
  local rc=$?
  if [ -n "$SERVER_PID" ]; then
    "$S3SERVERS/stop-s3rver.sh" "$SERVER_PID"
    say "s3rver (PID $SERVER_PID) stopped"
  fi
  [ -z "$SERVER_DIR" ] || rm -rf "$SERVER_DIR"
  exit "$rc"
}
trap on_exit EXIT
# Ctrl+C reaches the API too; it stops, then the EXIT trap stops the server.
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "${S3__ServiceUrl:-}" ]; then
  port=${SAMPLE_S3RVER_PORT:-14600}
  last=$((port + 50))
  while port_in_use "$port"; do
    port=$((port + 1))
    [ "$port" -le "$last" ] || { say "no free port on 127.0.0.1 from ${SAMPLE_S3RVER_PORT:-14600} to $last"; exit 1; }
  done

  SERVER_DIR=$(mktemp -d -t s3client-api-sample.XXXXXX)
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

say "the API listens on 127.0.0.1:5080 unless --Urls says otherwise; Ctrl+C stops it"
# Not 'exec': the EXIT trap must still stop the server after the API ends.
dotnet run --project samples/S3Client.Samples.Api -c "${CONFIGURATION:-Release}" -- "$@"
rc=$?
say "the API exited with $rc"
exit "$rc"
