using System.Globalization;
using System.Security.Cryptography;

namespace S3Client.Bulk.Internal;

/// <summary>
/// Whether a local file and an object hold the same content, cheaply first: a different size means changed; at equal
/// size an object stored in one request is compared by MD5 (its entity tag), one stored in parts by modification time
/// (the <c>s3client-mtime</c> metadata uploads store, else the object's LastModified).
/// </summary>
internal static class ChangeDetector
{
    /// <summary>The user metadata that records the local file's modification time (Unix milliseconds) of an upload.</summary>
    public const string MtimeMetadata = "s3client-mtime";

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    public static string MtimeValue(DateTime lastWriteUtc) =>
        new DateTimeOffset(lastWriteUtc, TimeSpan.Zero).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>For an upload: whether the object already holds the file.</summary>
    public static async Task<bool> ObjectIsCurrentAsync(
        IS3Client client, string bucket, string key, LocalFile file, long size, string? etag, DateTimeOffset lastModified, CancellationToken cancellationToken)
    {
        if (await BySizeAndMd5Async(file, size, etag, cancellationToken).ConfigureAwait(false) is { } decided)
        {
            return decided;
        }

        var head = await client.HeadObjectAsync(bucket, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        return head.Metadata.TryGetValue(MtimeMetadata, out var stored)
            ? stored == MtimeValue(file.LastWriteUtc)
            : lastModified >= new DateTimeOffset(file.LastWriteUtc, TimeSpan.Zero);
    }

    /// <summary>For a download: whether the file already holds the object (downloads set the file's time to LastModified).</summary>
    public static async Task<bool> FileIsCurrentAsync(
        IS3Client client, string bucket, string key, LocalFile file, long size, string? etag, DateTimeOffset lastModified, CancellationToken cancellationToken)
    {
        if (await BySizeAndMd5Async(file, size, etag, cancellationToken).ConfigureAwait(false) is { } decided)
        {
            return decided;
        }

        if (lastModified.ToUnixTimeSeconds() == new DateTimeOffset(file.LastWriteUtc, TimeSpan.Zero).ToUnixTimeSeconds())
        {
            return true;
        }

        var head = await client.HeadObjectAsync(bucket, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        return head.Metadata.TryGetValue(MtimeMetadata, out var stored) && stored == MtimeValue(file.LastWriteUtc);
    }

    /// <summary>Changed when the sizes differ; at equal size, the MD5 decides for a single-PUT object; null for one stored in parts.</summary>
    private static async Task<bool?> BySizeAndMd5Async(LocalFile file, long size, string? etag, CancellationToken cancellationToken)
    {
        if (size != file.Length)
        {
            return false;
        }

        return IsMd5(etag) ? await Md5MatchesAsync(file.FullPath, etag!, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>Whether the entity tag is a plain MD5 (a single PUT without SSE-KMS or SSE-C): 32 hex digits in quotes.</summary>
    public static bool IsMd5(string? etag)
    {
        var value = etag.AsSpan().Trim('"');
        return value.Length == 32 && !value.ContainsAnyExcept(HexDigits);
    }

    private static async Task<bool> Md5MatchesAsync(string path, string etag, CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
#pragma warning disable CA5351 // The entity tag of a single PUT is the MD5 of the content; this compares, it protects nothing.
            var hash = await MD5.HashDataAsync(file, cancellationToken).ConfigureAwait(false);
#pragma warning restore CA5351
            return Convert.ToHexStringLower(hash).Equals(etag.Trim('"'), StringComparison.OrdinalIgnoreCase);
        }
    }
}
