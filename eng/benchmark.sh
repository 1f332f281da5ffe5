#!/usr/bin/env bash
# Runs the benchmark suite (BenchmarkDotNet): our client side by side with AWSSDK.S3 and a raw HttpClient against a
# loopback S3 endpoint, plus the hot-path micro benchmarks, the TransferOptions sweep and the directory transfers of
# 10,000 x 4 KiB objects (beside TransferUtility and `aws s3 cp --recursive`: Debian's awscli package, whose rows are
# left out when /usr/bin/aws is missing), and writes the results page.
#
#   usage: eng/benchmark.sh [--short|--full] [--filter GLOB]...
#     --short  (default) 256 MiB instead of 1 GiB, fewer iterations, a smaller sweep: a few minutes, indicative only
#     --full   1 GiB transfers, the whole part size x concurrency sweep, more iterations: about 25 minutes;
#              docs/benchmarks.md comes from such a run
#     --filter a BenchmarkDotNet glob on Type.Method, e.g. '*SigV4*', '*SmallObject*' or '*BulkDirectory*'; repeatable
#     --hedging only the hedged-read latency harness (GET p50/p99 with 5 % of the primary's answers held 500 ms by the
#              fault proxy: plain, failover and hedged clients); an unfiltered run appends it to the page as well
#     --rgw    only the directory transfers, against a Ceph RGW started for the run (eng/s3servers; installed when
#              missing) instead of the loopback endpoint; the page goes to docs/benchmarks-rgw.md
#   env:  S3BENCH_OUTPUT   where the Markdown page goes. Default docs/benchmarks.md for an unfiltered run, and
#                          artifacts/benchmarks/results.md for a filtered one, so a partial run never replaces the page.
#         S3BENCH_LABEL    what the page says was measured (default: the git commit, and whether src has changes)
#
# BenchmarkDotNet's own reports (GitHub Markdown and CSV per benchmark class) and logs go to artifacts/benchmarks.
# Nothing leaves the machine: the endpoint listens on 127.0.0.1 and the clients use dummy credentials.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mode=--short
filtered=
rgw=
args=()
for arg in "$@"; do
  case "$arg" in
    --short | --full) mode=$arg ;;
    --rgw) rgw=1 ;;
    --filter | --hedging) filtered=1; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

if [ -n "$rgw" ]; then
  output=${S3BENCH_OUTPUT:-docs/benchmarks-rgw.md}
elif [ -n "$filtered" ]; then
  output=${S3BENCH_OUTPUT:-artifacts/benchmarks/results.md}
else
  output=${S3BENCH_OUTPUT:-docs/benchmarks.md}
fi

label=${S3BENCH_LABEL:-a source tree without git metadata}
if [ -z "${S3BENCH_LABEL:-}" ] && commit=$(git rev-parse --short HEAD 2>/dev/null); then
  label="commit $commit"
  if [ -n "$(git status --porcelain -- src 2>/dev/null)" ]; then
    label="$label with uncommitted changes in src"
  fi
fi

start=$SECONDS
dotnet build benchmarks/S3Client.Benchmarks/S3Client.Benchmarks.csproj -c Release -nologo -v quiet

if [ -n "$rgw" ]; then
  bash eng/s3servers/install.sh >&2
  data=$(mktemp -d)
  trap 'bash eng/s3servers/stop-all.sh "$data" >/dev/null 2>&1 || true; rm -rf "$data"' EXIT
  S3CLIENT_SERVERS=rgw S3CLIENT_RGW_PORT=${S3BENCH_RGW_PORT:-17580} bash eng/s3servers/start-all.sh "$data" >/dev/null
  # shellcheck disable=SC1091
  . "$data/servers.env"
  S3BENCH_ENDPOINT=$S3CLIENT_TEST_RGW_URL S3BENCH_ACCESS_KEY=$S3CLIENT_TEST_RGW_ACCESS_KEY \
    S3BENCH_SECRET_KEY=$S3CLIENT_TEST_RGW_SECRET_KEY S3BENCH_REGION=$S3CLIENT_TEST_RGW_REGION \
    dotnet benchmarks/S3Client.Benchmarks/bin/Release/net10.0/S3Client.Benchmarks.dll "$mode" --external "Ceph RGW" \
    --output "$output" --artifacts artifacts/benchmarks --label "$label"
  echo "benchmark.sh: $mode against RGW finished in $((SECONDS - start)) s; results in $output"
  exit 0
fi
dotnet benchmarks/S3Client.Benchmarks/bin/Release/net10.0/S3Client.Benchmarks.dll "$mode" \
  --output "$output" --artifacts artifacts/benchmarks --label "$label" ${args[@]+"${args[@]}"}
echo "benchmark.sh: $mode finished in $((SECONDS - start)) s; results in $output"
