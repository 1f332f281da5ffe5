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
SAMPLE_SCRIPT=run-sample.sh
# shellcheck source=sample-server.sh
. "$ROOT/eng/sample-server.sh"

# Not 'exec': the EXIT trap must still stop the server after the sample ends.
dotnet run --project samples/S3Client.Samples.Worker -c "${CONFIGURATION:-Release}" -- "$@"
rc=$?
say "the sample exited with $rc"
exit "$rc"
