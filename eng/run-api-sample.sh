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
SAMPLE_SCRIPT=run-api-sample.sh
# shellcheck source=sample-server.sh
. "$ROOT/eng/sample-server.sh"

say "the API listens on 127.0.0.1:5080 unless --Urls says otherwise; Ctrl+C stops it"
# Not 'exec': the EXIT trap must still stop the server after the API ends.
dotnet run --project samples/S3Client.Samples.Api -c "${CONFIGURATION:-Release}" -- "$@"
rc=$?
say "the API exited with $rc"
exit "$rc"
