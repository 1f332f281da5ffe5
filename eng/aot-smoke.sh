#!/usr/bin/env bash
# Publishes samples/S3Client.Samples.Aot with PublishAot (any trim or AOT warning fails the publish) and runs it
# against an S3 server: create a bucket, put, head, get, list, a not-found, delete.
#
#   usage: eng/aot-smoke.sh SERVICE_URL ACCESS_KEY SECRET_KEY
#   exit:  0 when the publish had no warning and every check passed
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
URL=${1:?usage: aot-smoke.sh SERVICE_URL ACCESS_KEY SECRET_KEY}
OUT=$(mktemp -d "${TMPDIR:-/tmp}/s3client-aot.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
LOG="$ROOT/artifacts/logs/aot-publish.log"
mkdir -p "$(dirname "$LOG")"

if ! dotnet publish "$ROOT/samples/S3Client.Samples.Aot" -c Release -o "$OUT" -p:TreatWarningsAsErrors=true >"$LOG" 2>&1; then
  echo "aot-smoke.sh: the AOT publish failed; the end of $LOG:" >&2
  tail -n 30 "$LOG" >&2
  exit 1
fi
if grep -E "warning (IL|AOT|CS)[0-9]+" "$LOG" >&2; then
  echo "aot-smoke.sh: the AOT publish had warnings (above)" >&2
  exit 1
fi

S3__ServiceUrl="$URL" S3__AccessKeyId="$2" S3__SecretAccessKey="$3" "$OUT/S3Client.Samples.Aot"
