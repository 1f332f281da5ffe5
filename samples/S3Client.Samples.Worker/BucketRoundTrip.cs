using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace S3Client.Samples.Worker;

/// <summary>
/// The round trip: create a bucket, upload, list, download and verify, head, delete. S3 errors arrive as
/// <see cref="S3Exception"/>; a check that fails throws <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class BucketRoundTrip(
    IS3Client s3, IOptions<SampleOptions> sampleOptions, IOptions<S3ClientOptions> s3Options, TimeProvider time, ILogger<BucketRoundTrip> logger)
{
    private const string ContentType = "application/octet-stream";
    private const string Sha256MetadataName = "sha256";
    private const string IndexMetadataName = "index";

    // A cleanup after a failure or Ctrl+C gets its own short deadline: the run's token may already be cancelled.
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(20);

    public async Task<RoundTripSummary> RunAsync(CancellationToken cancellationToken)
    {
        var options = sampleOptions.Value;
        var started = time.GetTimestamp();
        var bucket = NewBucketName(options.BucketNamePrefix);
        var serviceUrl = s3Options.Value.ServiceUrl?.ToString() ?? $"AWS S3 ({s3Options.Value.Region})";
        Log.Starting(logger, serviceUrl, bucket, options.ObjectCount, options.ObjectSizeBytes);

        await s3.CreateBucketAsync(bucket, cancellationToken: cancellationToken);
        try
        {
            var uploaded = await UploadAsync(bucket, options, cancellationToken);
            var bytesUp = uploaded.Sum(o => o.Size);
            Log.Uploaded(logger, uploaded.Count, bytesUp);

            await CheckListingAsync(bucket, options.ListPageSize, uploaded, cancellationToken);
            var bytesDown = await DownloadAndVerifyAsync(bucket, uploaded, cancellationToken);
            await CheckHeadAsync(bucket, uploaded[0], cancellationToken);
            await DeleteAllAsync(bucket, uploaded.Select(o => o.Key), cancellationToken);
            Check(!await s3.BucketExistsAsync(bucket, cancellationToken), $"bucket {bucket} still exists after DeleteBucket");
            Log.CleanedUp(logger, uploaded.Count, bucket);

            return new RoundTripSummary(uploaded.Count, bytesUp, bytesDown, uploaded.Count, time.GetElapsedTime(started));
        }
        catch
        {
            // Leave nothing behind on a real service: remove whatever the listing shows, then the bucket.
            await TryCleanUpAsync(bucket);
            throw;
        }
    }

    private async Task<List<UploadedObject>> UploadAsync(string bucket, SampleOptions options, CancellationToken cancellationToken)
    {
        var uploaded = new List<UploadedObject>(options.ObjectCount);
        for (var i = 0; i < options.ObjectCount; i++)
        {
            var key = $"data/object-{i:D4}.bin";
            var bytes = SampleContent.Create(options.ContentSeed, i, options.ObjectSizeBytes);
            var sha256 = SampleContent.Sha256Hex(bytes);
            var put = new PutObjectOptions { ContentType = ContentType };
            put.Metadata[Sha256MetadataName] = sha256;
            put.Metadata[IndexMetadataName] = i.ToString(CultureInfo.InvariantCulture);

            // A seekable stream: the client can rewind it and retry the PUT after a transient error.
            using var body = new MemoryStream(bytes, writable: false);
            await s3.PutObjectAsync(bucket, key, body, put, cancellationToken);
            uploaded.Add(new UploadedObject(key, bytes.Length, sha256));
        }

        return uploaded;
    }

    private async Task CheckListingAsync(string bucket, int pageSize, List<UploadedObject> uploaded, CancellationToken cancellationToken)
    {
        var listed = new List<S3ObjectInfo>();
        await foreach (var item in s3.ListObjectsAsync(bucket, new ListObjectsOptions { PageSize = pageSize }, cancellationToken))
        {
            listed.Add(item);
        }

        Check(listed.Count == uploaded.Count, $"ListObjects returned {listed.Count} objects, {uploaded.Count} were uploaded");
        // S3 lists in binary key order; a page fetched twice or skipped shows up here.
        var expected = uploaded.OrderBy(o => o.Key, StringComparer.Ordinal).ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            Check(listed[i].Key == expected[i].Key, $"listing position {i} is {listed[i].Key}, expected {expected[i].Key}");
            Check(listed[i].Size == expected[i].Size, $"listing says {listed[i].Key} has {listed[i].Size} bytes, expected {expected[i].Size}");
        }

        Log.Listed(logger, listed.Count, pageSize);
    }

    private async Task<long> DownloadAndVerifyAsync(string bucket, List<UploadedObject> uploaded, CancellationToken cancellationToken)
    {
        long bytesDown = 0;
        foreach (var expected in uploaded)
        {
            // Disposing the result releases the connection; the body is hashed while it streams in.
            await using var result = await s3.GetObjectAsync(bucket, expected.Key, cancellationToken: cancellationToken);
            var (sha256, length) = await SampleContent.HashAsync(result.Content, cancellationToken);
            bytesDown += length;

            Check(length == expected.Size, $"{expected.Key}: downloaded {length} bytes, uploaded {expected.Size}");
            Check(sha256 == expected.Sha256Hex, $"{expected.Key}: SHA-256 of the download is {sha256}, uploaded {expected.Sha256Hex}");
            Check(result.ContentType == ContentType, $"{expected.Key}: Content-Type is '{result.ContentType}', uploaded '{ContentType}'");
            CheckMetadata(expected, result.Metadata);
        }

        Log.Downloaded(logger, uploaded.Count, bytesDown);
        return bytesDown;
    }

    private async Task CheckHeadAsync(string bucket, UploadedObject expected, CancellationToken cancellationToken)
    {
        var head = await s3.HeadObjectAsync(bucket, expected.Key, cancellationToken: cancellationToken);
        Check(head.ContentLength == expected.Size, $"HeadObject {expected.Key}: {head.ContentLength} bytes, uploaded {expected.Size}");
        Check(head.ContentType == ContentType, $"HeadObject {expected.Key}: Content-Type is '{head.ContentType}', uploaded '{ContentType}'");
        CheckMetadata(expected, head.Metadata);
        Log.Headed(logger, expected.Key, head.ContentLength, head.ContentType, head.ETag);
    }

    private async Task DeleteAllAsync(string bucket, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            await s3.DeleteObjectAsync(bucket, key, cancellationToken: cancellationToken);
        }

        await s3.DeleteBucketAsync(bucket, cancellationToken);
    }

    private async Task TryCleanUpAsync(string bucket)
    {
        using var timeout = new CancellationTokenSource(CleanupTimeout);
        try
        {
            if (!await s3.BucketExistsAsync(bucket, timeout.Token))
            {
                return;
            }

            var keys = new List<string>();
            await foreach (var item in s3.ListObjectsAsync(bucket, cancellationToken: timeout.Token))
            {
                keys.Add(item.Key);
            }

            await DeleteAllAsync(bucket, keys, timeout.Token);
            Log.CleanedUp(logger, keys.Count, bucket);
        }
        catch (Exception e) when (e is S3Exception or HttpRequestException or IOException or OperationCanceledException)
        {
            // The original failure matters more; report this one and let that one propagate.
            Log.CleanupFailed(logger, bucket, e);
        }
    }

    private static void CheckMetadata(UploadedObject expected, IReadOnlyDictionary<string, string> metadata)
    {
        var stored = metadata.TryGetValue(Sha256MetadataName, out var value) ? value : "(missing)";
        Check(stored == expected.Sha256Hex, $"{expected.Key}: metadata {Sha256MetadataName} is '{stored}', uploaded '{expected.Sha256Hex}'");
    }

    private static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidDataException(failure);
        }
    }

    // Unique per run, so runs never collide on a shared service: prefix-yyyyMMdd-HHmmss-6 random hex digits.
    private string NewBucketName(string prefix) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{time.GetUtcNow():yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}");
}
