using System.Buffers;
using System.Security.Cryptography;
using S3Client.Checksums.Internal;

namespace S3Client.Transfer.Internal;

/// <summary>
/// Uploads a stream in parts: one reader fills pooled part buffers in order while up to MaxConcurrency parts are sent,
/// so memory stays at about part size times concurrency whatever the stream's length. Each part is a seekable buffer,
/// so the HTTP layer retries it from the same bytes. On failure or cancellation the upload is aborted (unless
/// resuming is allowed) and the first real error surfaces.
/// </summary>
internal sealed class MultipartUploader
{
    private readonly IS3Client _client;
    private readonly string _bucket;
    private readonly string _key;
    private readonly TransferOptions _options;
    private readonly ProgressReporter _progress;
    private readonly Dictionary<int, S3PartInfo> _uploaded;
    private Exception? _firstFailure;
    private readonly ArrayPool<byte> _buffers;
    private string _uploadId = string.Empty;

    public MultipartUploader(
        IS3Client client, string bucket, string key, TransferOptions options, ProgressReporter progress, IReadOnlyList<S3PartInfo>? alreadyUploaded,
        ArrayPool<byte> buffers)
    {
        _buffers = buffers;
        _client = client;
        _bucket = bucket;
        _key = key;
        _options = options;
        _progress = progress;
        _uploaded = alreadyUploaded?.ToDictionary(p => p.PartNumber) ?? [];
    }

    /// <summary>
    /// Sends <paramref name="content"/> from its position to its end as parts of <paramref name="uploadId"/>, starting
    /// with the already-filled <paramref name="firstPart"/> when given, then completes the upload.
    /// </summary>
    public async Task<TransferResult> UploadAsync(
        Stream content, string uploadId, long? knownLength, PooledBuffer? firstPart, CancellationToken cancellationToken)
    {
        _uploadId = uploadId;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(_options.MaxConcurrency);
        var running = new List<Task<S3CompletedPart>>();
        var fixedSize = knownLength is { } length ? PartSizing.ForKnownLength(length, _options.PartSize) : 0;
        long total = 0;
        try
        {
            for (var partNumber = 1; ; partNumber++)
            {
                if (partNumber > TransferOptions.MaxParts)
                {
                    throw new InvalidOperationException($"The stream needs more than {TransferOptions.MaxParts} parts; raise TransferOptions.PartSize.");
                }

                await slots.WaitAsync(cts.Token).ConfigureAwait(false);
                var size = fixedSize > 0 ? fixedSize : PartSizing.ForUnknownLength(partNumber, _options.PartSize);
                PooledBuffer buffer;
                if (partNumber == 1 && firstPart is not null)
                {
                    buffer = firstPart;
                    firstPart = null;
                }
                else
                {
                    buffer = new PooledBuffer(size, _buffers);
                    try
                    {
                        await buffer.FillAsync(content, (int)size, cts.Token).ConfigureAwait(false);
                    }
                    catch
                    {
                        buffer.Dispose();
                        slots.Release();
                        throw;
                    }
                }

                if (buffer.Length == 0 && partNumber > 1)
                {
                    buffer.Dispose();
                    slots.Release();
                    _progress.TotalKnown(total);
                    break;
                }

                total += buffer.Length;

                // A stream of unknown length comes peekable, so a full part that ends it is known to be the last.
                var last = buffer.Length < size || (content is PeekableStream source && await source.AtEndAsync(cts.Token).ConfigureAwait(false));
                if (last)
                {
                    _progress.TotalKnown(total);
                }

                running.Add(SendPartAsync(partNumber, buffer, slots, cts));
                if (last)
                {
                    break;
                }
            }

            var parts = await Task.WhenAll(running).ConfigureAwait(false);
            if (knownLength is { } expected && total != expected)
            {
                throw new IOException($"The content stream gave {total} bytes, not the {expected} its length promised; the upload was not completed.");
            }

            // Every part is stored: completing is the commit, not cancelled midway (the service could finish it
            // after the caller was told it was cancelled).
            var result = await _client.CompleteMultipartUploadAsync(_bucket, _key, uploadId, parts, CancellationToken.None).ConfigureAwait(false);
            _progress.Complete();
            return new TransferResult(_bucket, _key, total, result.ETag, result.VersionId, parts.Length);
        }
        catch (Exception e)
        {
            await cts.CancelAsync().ConfigureAwait(false);
            firstPart?.Dispose();
            try
            {
                await Task.WhenAll(running).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Every part has stopped; the first real failure is reported below.
            }

            if (!_options.AllowResume)
            {
                await AbortQuietlyAsync(uploadId).ConfigureAwait(false);
            }

            var original = cancellationToken.IsCancellationRequested ? e : Volatile.Read(ref _firstFailure) ?? e;
            if (ReferenceEquals(original, e))
            {
                throw;
            }

            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(original);
            throw;
        }
    }

    private async Task<S3CompletedPart> SendPartAsync(int partNumber, PooledBuffer buffer, SemaphoreSlim slots, CancellationTokenSource cts)
    {
        try
        {
            await Task.Yield();
            if (_uploaded.TryGetValue(partNumber, out var existing) && Matches(existing, buffer))
            {
                _progress.Add(buffer.Length);
                return new S3CompletedPart(partNumber, existing.ETag);
            }

            var options = new UploadPartOptions { ContentLength = buffer.Length, CustomerKey = _options.CustomerKey };
            if (_options.ChecksumAlgorithm != S3ChecksumAlgorithm.None)
            {
                options.Checksum = S3ChecksumCalculator.Compute(_options.ChecksumAlgorithm, buffer.Memory.Span);
            }

            using var body = buffer.AsStream();
            var result = await _client.UploadPartAsync(_bucket, _key, _uploadId, partNumber, body, options, cts.Token).ConfigureAwait(false);
            _progress.Add(buffer.Length);
            return result.ToCompletedPart();
        }
        catch (Exception e)
        {
            if (e is not OperationCanceledException || !cts.IsCancellationRequested)
            {
                Interlocked.CompareExchange(ref _firstFailure, e, null);
            }

            await cts.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            buffer.Dispose();
            slots.Release();
        }
    }

    // A part already on the server is kept when its size and MD5 (its ETag, for unencrypted and SSE-S3 parts) match.
    private static bool Matches(S3PartInfo existing, PooledBuffer buffer)
    {
        if (existing.Size != buffer.Length)
        {
            return false;
        }

#pragma warning disable CA5351 // S3 part ETags are MD5 digests; this compares content, it protects nothing.
        var md5 = Convert.ToHexStringLower(MD5.HashData(buffer.Memory.Span));
#pragma warning restore CA5351
        return existing.ETag.Trim('"').Equals(md5, StringComparison.OrdinalIgnoreCase);
    }

    private async Task AbortQuietlyAsync(string uploadId)
    {
        try
        {
            await _client.AbortMultipartUploadAsync(_bucket, _key, uploadId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is S3Exception or HttpRequestException or IOException or OperationCanceledException)
        {
            // The original failure matters more; a lifecycle rule or ListMultipartUploads cleans up what remains.
        }
    }
}
