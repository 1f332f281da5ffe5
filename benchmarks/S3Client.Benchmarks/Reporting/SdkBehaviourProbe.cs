using Amazon.S3.Model;
using Amazon.S3.Transfer;
using S3Client.Benchmarks.EndToEnd;
using S3Client.Benchmarks.Infrastructure;

namespace S3Client.Benchmarks.Reporting;

/// <summary>
/// Tries, once and before the benchmarks, the uploads of non-seekable streams that AWSSDK.S3 may refuse, so the
/// benchmarks skip what cannot work and the results page says what happened.
/// </summary>
public static class SdkBehaviourProbe
{
    private const long ProbeSize = 16L * SuiteSettings.MiB;

    public static async Task<IReadOnlyList<SdkProbeResult>> RunAsync(Uri endpoint)
    {
        using var sdk = ClientFactory.CreateSdk(endpoint);
        using var transfer = new TransferUtility(sdk);
        var results = new List<SdkProbeResult>
        {
            await TryAsync(
                "PutObjectAsync of a non-seekable stream with its length in Headers.ContentLength",
                [$"{nameof(LargePutBenchmarks)}.{nameof(LargePutBenchmarks.SdkPut)}"],
                () =>
                {
                    var request = new PutObjectRequest { BucketName = BenchmarkEndpoint.Bucket, Key = "probe/known-length", InputStream = new NonSeekableStream(ProbeSize) };
                    request.Headers.ContentLength = ProbeSize;
                    return sdk.PutObjectAsync(request);
                }).ConfigureAwait(false),
            await TryAsync(
                "PutObjectAsync of a non-seekable stream of unknown length",
                [],
                () => sdk.PutObjectAsync(new PutObjectRequest { BucketName = BenchmarkEndpoint.Bucket, Key = "probe/unknown-length", InputStream = new NonSeekableStream(ProbeSize) }))
                .ConfigureAwait(false),
            await TryAsync(
                "TransferUtility.UploadAsync of a non-seekable stream of unknown length",
                [$"{nameof(LargePutBenchmarks)}.{nameof(LargePutBenchmarks.SdkUpload)}", $"{nameof(UnknownLengthPutBenchmarks)}.{nameof(UnknownLengthPutBenchmarks.Sdk)}"],
                () => transfer.UploadAsync(new NonSeekableStream(ProbeSize * 4), BenchmarkEndpoint.Bucket, "probe/transfer-utility")).ConfigureAwait(false),
        };
        return results;
    }

    private static async Task<SdkProbeResult> TryAsync(string description, IReadOnlyList<string> benchmarks, Func<Task> upload)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await upload().WaitAsync(timeout.Token).ConfigureAwait(false);
            return new SdkProbeResult(description, benchmarks, true, "works");
        }
        catch (Exception e)
        {
            var message = e.Message.ReplaceLineEndings(" ");
            return new SdkProbeResult(description, benchmarks, false, $"{e.GetType().Name}: {message}");
        }
    }
}
