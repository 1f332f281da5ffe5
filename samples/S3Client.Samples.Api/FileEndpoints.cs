using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace S3Client.Samples.Api;

/// <summary>
/// <c>/files</c>: uploads and downloads that stream between the HTTP client and S3 without holding an object in memory,
/// deletes, and a listing streamed as a JSON array. S3 errors become problem details in <see cref="S3ExceptionHandler"/>.
/// </summary>
internal static class FileEndpoints
{
    private const string LogCategory = "S3Client.Samples.Api.Files";
    private const string DefaultContentType = "application/octet-stream";

    public static IEndpointRouteBuilder MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/files");
        files.MapGet("/", List);
        files.MapPut("/{**key}", UploadAsync)
            // Kestrel's default limit (30 MB) would cut large uploads short; the body goes to S3 part by part anyway.
            .WithMetadata(new DisableRequestSizeLimitAttribute());
        files.MapGet("/{**key}", DownloadAsync);
        files.MapDelete("/{**key}", DeleteAsync);
        return app;
    }

    /// <summary>
    /// The request body has no length the client can trust and cannot seek, so it goes through
    /// <see cref="IS3Client.UploadAsync"/>: read part by part into pooled buffers and sent as a multipart upload (a body
    /// smaller than one part is a single PUT). A failed or aborted request aborts the upload; no partial object remains.
    /// </summary>
    private static async Task<Created<UploadResult>> UploadAsync(
        string key, HttpRequest request, IS3Client s3, IOptions<SampleOptions> sample, IOptions<S3ClientOptions> s3Options,
        TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        // The client's transfer settings ("S3:Transfer": part size, concurrency), plus this object's content type.
        var options = s3Options.Value.Transfer.Clone();
        options.ContentType = request.ContentType ?? DefaultContentType;

        var started = time.GetTimestamp();
        var result = await s3.UploadAsync(sample.Value.Bucket, key, request.Body, options, cancellationToken: cancellationToken);
        var elapsed = time.GetElapsedTime(started);
        Log.Uploaded(loggers.CreateLogger(LogCategory), result.Key, result.Size, result.PartCount, elapsed.TotalSeconds, MiBPerSecond(result.Size, elapsed));
        return TypedResults.Created(FilePath(key), new UploadResult(result.Key, result.Size, result.ETag, result.PartCount));
    }

    /// <summary>Returns as soon as S3 answers with headers; <see cref="S3ObjectResult"/> then streams the body.</summary>
    private static async Task<S3ObjectResult> DownloadAsync(
        string key, IS3Client s3, IOptions<SampleOptions> sample, CancellationToken cancellationToken) =>
        new(await s3.GetObjectAsync(sample.Value.Bucket, key, cancellationToken: cancellationToken));

    private static async Task<NoContent> DeleteAsync(string key, IS3Client s3, IOptions<SampleOptions> sample, CancellationToken cancellationToken)
    {
        await s3.DeleteObjectAsync(sample.Value.Bucket, key, cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Serialized as a JSON array while the pages arrive: a listing of a million keys is never held at once.</summary>
    private static IAsyncEnumerable<S3ObjectInfo> List(string? prefix, IS3Client s3, IOptions<SampleOptions> sample, CancellationToken cancellationToken) =>
        s3.ListObjectsAsync(sample.Value.Bucket, new ListObjectsOptions { Prefix = prefix }, cancellationToken);

    private static string FilePath(string key) => "/files/" + string.Join('/', key.Split('/').Select(Uri.EscapeDataString));

    private static double MiBPerSecond(long bytes, TimeSpan elapsed) =>
        elapsed > TimeSpan.Zero ? bytes / 1024d / 1024d / elapsed.TotalSeconds : 0;
}
