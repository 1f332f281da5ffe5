using System.Buffers;
using S3Client.Model.Internal;

namespace S3Client.Transfer.Internal;

/// <summary>
/// Downloads an object in parallel ranged GETs into pooled part buffers, pinned to the entity tag of the first answer
/// (<c>If-Match</c>) so an overwrite during the download fails with <see cref="S3PreconditionFailedException"/>
/// instead of mixing versions; each answer must also be exactly its range (Content-Range, Content-Length) of the same
/// object (size, entity tag), so a server or proxy that ignores Range or If-Match causes an error, never mixed bytes.
/// Parts are handed to the sink in order, with at most MaxConcurrency parts in flight or
/// waiting; a part that arrives short is fetched again, and never written short.
/// </summary>
internal sealed class RangedDownloader
{
    // Larger than the largest object S3 stores (50 TB since 2025): a size above it is a lie that would size arrays and files.
    private const long MaxObjectSize = 64L << 40;

    private readonly IS3Client _client;
    private readonly string _bucket;
    private readonly string _key;
    private readonly TransferOptions _options;
    private readonly ArrayPool<byte> _buffers;

    public RangedDownloader(IS3Client client, string bucket, string key, TransferOptions options, ArrayPool<byte> buffers)
    {
        _buffers = buffers;
        _client = client;
        _bucket = bucket;
        _key = key;
        _options = options;
    }

    /// <summary>Fetches the first part (again, when it arrives broken); tells the object size and entity tag.</summary>
    public async Task<(PooledBuffer First, long Total, string? ETag, string? VersionId)> StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (ShouldRetry(e, attempt, cancellationToken))
            {
                // A truncated, broken, stalled or mismatched first part: ask again.
            }
        }
    }

    private async Task<(PooledBuffer First, long Total, string? ETag, string? VersionId)> StartOnceAsync(CancellationToken cancellationToken)
    {
        S3ByteRange? range = S3ByteRange.Between(0, _options.PartSize - 1);
        GetObjectResult first;
        try
        {
            first = await _client.GetObjectAsync(_bucket, _key, new GetObjectOptions { Range = range, CustomerKey = _options.CustomerKey }, cancellationToken).ConfigureAwait(false);
        }
        catch (S3RangeNotSatisfiableException)
        {
            // An empty object has no byte 0.
            first = await _client.GetObjectAsync(_bucket, _key, new GetObjectOptions { CustomerKey = _options.CustomerKey }, cancellationToken).ConfigureAwait(false);
            range = null;
        }

        await using (first.ConfigureAwait(false))
        {
            var length = first.ContentLength ?? throw new InvalidDataException("The object's first part arrived without a Content-Length.");

            // Any IS3Client may stand behind this one, so the range is checked here as well as in GetObjectAsync.
            // An empty object answered without a range (a 416 then a plain GET, or an empty 200) is the whole object.
            var total = range is { } asked && (first.ContentRange is not null || length != 0) ? ContentRange.Verify(asked, first.ContentRange, length).Total : length;
            if (total > MaxObjectSize)
            {
                throw new InvalidDataException($"The object's size is given as {total} bytes, more than any S3 service stores; the answer is not believed.");
            }

            if (length > _options.PartSize)
            {
                throw new InvalidDataException($"The first part has {length} bytes, more than a part of {_options.PartSize}.");
            }

            var buffer = new PooledBuffer(Math.Max(length, 1), _buffers);
            try
            {
                await ReadExactlyAsync(first.Content, buffer, (int)length, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                buffer.Dispose();
                throw;
            }

            return (buffer, total, first.ETag, first.VersionId);
        }
    }

    /// <summary>
    /// Fetches every part after the first (skipping those <paramref name="skip"/> says are done) and hands each to
    /// <paramref name="write"/> in order.
    /// </summary>
    public async Task FetchRestAsync(
        long total, string? etag, Func<int, long, PooledBuffer, CancellationToken, Task> write, Func<int, bool> skip, CancellationToken cancellationToken)
    {
        var partSize = _options.PartSize;
        var partCount = (int)((total + partSize - 1) / partSize);
        if (partCount <= 1)
        {
            return;
        }

        if (etag is null)
        {
            // Without an entity tag nothing pins the parts to one version: an overwrite meanwhile would mix two objects.
            throw new InvalidDataException("The object's first part came without an ETag, so its other parts cannot be pinned to the same version.");
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = new Task<PooledBuffer?>[partCount];
        var started = 1;
        try
        {
            for (var index = 1; index < partCount; index++)
            {
                while (started < partCount && started < index + _options.MaxConcurrency)
                {
                    var part = started++;
                    pending[part] = skip(part) ? Task.FromResult<PooledBuffer?>(null) : FetchPartAsync(part, total, etag, cts.Token);
                }

                using var buffer = await pending[index].ConfigureAwait(false);
                if (buffer is not null)
                {
                    await write(index, index * partSize, buffer, cts.Token).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            await cts.CancelAsync().ConfigureAwait(false);
            foreach (var task in pending.Where(t => t is not null))
            {
                try
                {
                    (await task.ConfigureAwait(false))?.Dispose();
                }
                catch (Exception)
                {
                    // The first failure is the one that surfaces.
                }
            }

            throw;
        }
    }

    private async Task<PooledBuffer?> FetchPartAsync(int index, long total, string? etag, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var first = index * _options.PartSize;
        var last = Math.Min(total, first + _options.PartSize) - 1;
        var length = (int)(last - first + 1);
        var range = S3ByteRange.Between(first, last);
        var buffer = new PooledBuffer(length, _buffers);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var options = new GetObjectOptions { Range = range, IfMatch = etag, CustomerKey = _options.CustomerKey };
                    var part = await _client.GetObjectAsync(_bucket, _key, options, cancellationToken).ConfigureAwait(false);
                    await using (part.ConfigureAwait(false))
                    {
                        CheckPart(index, range, total, etag, part);
                        await ReadExactlyAsync(part.Content, buffer, length, cancellationToken).ConfigureAwait(false);
                        return buffer;
                    }
                }
                catch (Exception e) when (ShouldRetry(e, attempt, cancellationToken))
                {
                    // A truncated, broken, stalled or mismatched answer: fetch the whole part again.
                }
            }
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A part belongs to the download only if it is exactly its range of the same object: same size, and the entity tag
    /// pinned by the first part (a server or proxy that ignores <c>If-Match</c> would otherwise mix two versions).
    /// </summary>
    private static void CheckPart(int index, S3ByteRange range, long total, string? etag, GetObjectResult part)
    {
        var got = ContentRange.Verify(range, part.ContentRange, part.ContentLength);
        if (got.Total != total)
        {
            throw new InvalidDataException($"Part {index + 1} is from an object of {got.Total} bytes, but the download started on one of {total}: the object changed.");
        }

        if (etag is not null && !string.Equals(part.ETag, etag, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Part {index + 1} has entity tag {part.ETag ?? "(none)"}, but the download is pinned to {etag}: the object changed and If-Match was not honoured.");
        }
    }

    /// <summary>
    /// Transport failures are retried up to MaxPartAttempts; an answer that does not add up (wrong range, size or
    /// entity tag) once, since a second wrong answer means the service or a proxy in front of it keeps sending it.
    /// </summary>
    private bool ShouldRetry(Exception e, int attempt, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e switch
        {
            InvalidDataException => attempt < Math.Min(2, _options.MaxPartAttempts),
            IOException or HttpRequestException or TimeoutException => attempt < _options.MaxPartAttempts,
            _ => false,
        };

    private static async Task ReadExactlyAsync(Stream body, PooledBuffer buffer, int length, CancellationToken cancellationToken)
    {
        var read = await body.ReadAtLeastAsync(buffer.Array.AsMemory(0, length), length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read != length)
        {
            throw new IOException($"The part ended after {read} of its {length} bytes.");
        }

        // The body must end here: more bytes than the range promised mean the answer is not the part we asked for.
        if (await body.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) != 0)
        {
            throw new InvalidDataException("The part is longer than its range.");
        }

        buffer.Length = length;
    }
}
