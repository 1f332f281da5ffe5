using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace S3Client.Fallback.Internal;

/// <summary>
/// The last-known-good cache: one file per object, named by the SHA-256 of bucket, key and version (never by the key
/// itself), written to a temporary file and moved into place, so readers in any process see a whole old file or a
/// whole new one. Every open checks the file's SHA-256 and identity; a file that fails is deleted, never served. The
/// file's last-access time is the LRU clock and its last-write time when the copy was fetched or last confirmed.
/// </summary>
internal sealed class LastKnownGoodCache
{
    internal const string FileExtension = ".s3cache";
    internal const string TempExtension = ".s3cache-tmp";

    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly FallbackMetrics _metrics;
    private readonly Lock _evictionLock = new();

    public LastKnownGoodCache(S3FallbackCacheOptions options, TimeProvider timeProvider, ILogger logger, FallbackMetrics metrics)
    {
        _directory = Path.GetFullPath(options.Directory!);
        MaxObjectBytes = options.MaxObjectBytes;
        _maxBytes = options.MaxBytes;
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics;
        Directory.CreateDirectory(_directory);
    }

    public long MaxObjectBytes { get; }

    internal string PathOf(string bucket, string key, string? versionId)
    {
        var identity = Encoding.UTF8.GetBytes($"{bucket}\n{key}\n{versionId}");
        return Path.Combine(_directory, Convert.ToHexStringLower(SHA256.HashData(identity)) + FileExtension);
    }

    /// <summary>The entity tag of a cached copy, for a revalidation (not checked here; opening checks).</summary>
    public string? PeekETag(string bucket, string key, string? versionId)
    {
        try
        {
            using var file = OpenRead(PathOf(bucket, key, versionId));
            var header = ReadHeader(file);
            return header.Describes(bucket, key, versionId) ? header.Metadata.ETag : null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Opens a verified cached copy, or null when there is none or it failed its check (then it is deleted). After a
    /// revalidation, <paramref name="validatedETag"/> is the entity tag the endpoint confirmed: a copy with another one
    /// (another process replaced the file meanwhile) is not the copy that was validated, and null is returned.
    /// </summary>
    public GetObjectResult? TryOpen(string bucket, string key, string? versionId, string? validatedBy, string? validatedETag = null)
    {
        var path = PathOf(bucket, key, versionId);
        FileStream file;
        try
        {
            file = OpenRead(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            var header = ReadHeader(file);
            if (!header.Describes(bucket, key, versionId))
            {
                throw new InvalidDataException("The file describes another object.");
            }

            if (validatedETag is not null && header.Metadata.ETag != validatedETag)
            {
                file.Dispose();
                return null;
            }

            Verify(file, header);
            var now = _timeProvider.GetUtcNow().UtcDateTime;
            if (validatedBy is not null)
            {
                File.SetLastWriteTimeUtc(path, now);
            }

            var age = now - File.GetLastWriteTimeUtc(path);
            File.SetLastAccessTimeUtc(path, now);
            file.Position = file.Length - CacheEntryHeader.HashBytes - header.ContentLength;
            var source = S3ReadSource.FromCache(header.Metadata.ETag, header.Metadata.LastModified, age, validatedBy);
            return new GetObjectResult(new CachedContentStream(file, header.ContentLength), header.Metadata.WithSource(source));
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            file.Dispose();
            Log.CacheCorrupted(_logger, Path.GetFileName(path), e.Message);
            _metrics.CacheCorruption();
            TryDelete(path);
            return null;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Wraps a whole-object answer so the bytes the caller reads are also written to the cache.</summary>
    public Stream WriteThrough(string bucket, string key, string? versionId, GetObjectResult result)
    {
        var header = new CacheEntryHeader { Bucket = bucket, Key = key, VersionId = versionId, Metadata = result.Properties.WithSource(S3ReadSource.Primary) };
        var path = PathOf(bucket, key, versionId);
        try
        {
            var temp = Path.Combine(_directory, $"{Path.GetFileNameWithoutExtension(path)}.{Guid.NewGuid():N}{TempExtension}");
            return new CacheWriteStream(result.Content, header, temp, () => Commit(temp, path), _logger);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.CacheWriteFailed(_logger, e);
            return result.Content;
        }
    }

    /// <summary>Forgets the cached copy of an object this client has just changed.</summary>
    public void Remove(string bucket, string key) => TryDelete(PathOf(bucket, key, null));

    private void Commit(string temp, string path)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        File.SetLastWriteTimeUtc(temp, now);
        File.SetLastAccessTimeUtc(temp, now);
        File.Move(temp, path, overwrite: true);
        Evict();
    }

    /// <summary>Deletes the least recently used files until the directory holds at most MaxBytes.</summary>
    internal void Evict()
    {
        lock (_evictionLock)
        {
            var files = new DirectoryInfo(_directory).EnumerateFiles("*" + FileExtension).ToList();
            var total = files.Sum(f => f.Length);
            foreach (var file in files.OrderBy(f => f.LastAccessTimeUtc))
            {
                if (total <= _maxBytes)
                {
                    break;
                }

                if (TryDelete(file.FullName))
                {
                    total -= file.Length;
                    Log.CacheEvicted(_logger, file.Name, file.Length, _maxBytes);
                    _metrics.CacheEviction();
                }
            }
        }
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);

    private static CacheEntryHeader ReadHeader(FileStream file)
    {
        Span<byte> prefix = stackalloc byte[CacheEntryHeader.PrefixBytes];
        file.ReadExactly(prefix);
        if (!prefix[..8].SequenceEqual(CacheEntryHeader.Magic))
        {
            throw new InvalidDataException("The file does not start with the cache magic.");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(prefix[8..]);
        if (length <= 0 || length > 1 << 20 || length > file.Length)
        {
            throw new InvalidDataException("The header length is out of range.");
        }

        var header = new byte[length];
        file.ReadExactly(header);
        return CacheEntryHeader.Deserialize(header);
    }

    private static void Verify(FileStream file, CacheEntryHeader header)
    {
        var contentStart = file.Position;
        if (header.ContentLength < 0 || file.Length != contentStart + header.ContentLength + CacheEntryHeader.HashBytes)
        {
            throw new InvalidDataException($"The file has {file.Length} bytes where its header promises {contentStart + header.ContentLength + CacheEntryHeader.HashBytes}.");
        }

        file.Position = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        var remaining = file.Length - CacheEntryHeader.HashBytes;
        while (remaining > 0)
        {
            var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
            if (read == 0)
            {
                throw new InvalidDataException("The file ended early.");
            }

            hash.AppendData(buffer, 0, read);
            remaining -= read;
        }

        Span<byte> stored = stackalloc byte[CacheEntryHeader.HashBytes];
        file.ReadExactly(stored);
        if (!CryptographicOperations.FixedTimeEquals(hash.GetHashAndReset(), stored))
        {
            throw new InvalidDataException("The SHA-256 of the file does not match the one stored with it.");
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
