using System.Buffers;
using Microsoft.Win32.SafeHandles;
using S3Client.Checksums.Internal;
using S3Client.Transfer.Internal;
using S3Client.Validation.Internal;

namespace S3Client;

/// <summary>
/// Moves objects of any size: a single PUT or GET for small objects, parallel parts for large ones, in memory bounded by
/// part size times concurrency, with progress, and without ever leaving a short object or a short file behind. Works
/// over any <see cref="IS3Client"/>; <see cref="S3ServiceClient"/> uses one for its Upload and Download calls.
/// </summary>
public sealed class S3TransferManager
{
    private const string PartialSuffix = ".s3partial";
    private const string JournalSuffix = ".s3partial.parts";
    private readonly IS3Client _client;
    private readonly TransferOptions _defaults;

    // Part buffers come from this manager's own pool, which keeps at most MaxConcurrency + 1 arrays of a size, so memory
    // stays near part size x concurrency: the shared pool keeps large arrays per thread and core, beyond that bound.
    private readonly ArrayPool<byte> _buffers;

    /// <summary>Creates a transfer manager.</summary>
    /// <param name="client">The client that sends the requests.</param>
    /// <param name="defaults">The options used when a call passes none.</param>
    public S3TransferManager(IS3Client client, TransferOptions? defaults = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _defaults = defaults ?? new TransferOptions();
        _buffers = ArrayPool<byte>.Create((int)TransferOptions.MaxPartSize, Math.Max(2, _defaults.MaxConcurrency + 1));
    }

    /// <summary>
    /// Uploads a stream: in one PUT when its length is known and below the threshold, in parallel parts otherwise,
    /// including streams of unknown length (network, pipes, standard input). A failed or cancelled multipart upload is
    /// aborted and the original exception rethrown.
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="content">The data, read from its current position to its end.</param>
    /// <param name="options">Transfer settings and what the object is stored with.</param>
    /// <param name="progress">Receives progress, throttled; 100 % exactly once, at the end.</param>
    /// <param name="cancellationToken">Cancels the upload (which is then aborted).</param>
    /// <returns>What was stored.</returns>
    public async Task<TransferResult> UploadAsync(
        string bucket, string key, Stream content, TransferOptions? options = null, IProgress<TransferProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options = Checked(bucket, key, options);
        S3Validation.ReadableContent(content);

        long? length = content.CanSeek ? content.Length - content.Position : null;
        var reporter = new ProgressReporter(progress, length);
        if (length is { } known && known < options.MultipartThreshold)
        {
            return await PutSingleAsync(bucket, key, content, known, null, options, reporter, cancellationToken).ConfigureAwait(false);
        }

        PooledBuffer? first = null;
        if (length is null)
        {
            // Unknown length: read one part first; a stream that fits in it is stored with one PUT.
            var size = PartSizing.ForUnknownLength(1, options.PartSize);
            first = new PooledBuffer(size, _buffers);
            try
            {
                if (await first.FillAsync(content, (int)size, cancellationToken).ConfigureAwait(false) < size)
                {
                    using (first)
                    {
                        return await PutSingleAsync(bucket, key, first.AsStream(), first.Length, first, options, reporter, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch
            {
                first.Dispose();
                throw;
            }
        }

        return await UploadPartsAsync(bucket, key, content, length, first, options, reporter, resumeFrom: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Uploads a file (see <see cref="UploadAsync(string, string, Stream, TransferOptions?, IProgress{TransferProgress}?, CancellationToken)"/>).
    /// With <see cref="TransferOptions.AllowResume"/>, a multipart upload of this key left by an earlier failed call is
    /// resumed: parts whose size and MD5 match the file are kept, the rest are sent.
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="filePath">The file to upload.</param>
    /// <param name="options">Transfer settings and what the object is stored with.</param>
    /// <param name="progress">Receives progress, throttled; 100 % exactly once, at the end.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>What was stored.</returns>
    public async Task<TransferResult> UploadFileAsync(
        string bucket, string key, string filePath, TransferOptions? options = null, IProgress<TransferProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options = Checked(bucket, key, options);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        var file = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            if (!options.AllowResume || file.Length < options.MultipartThreshold)
            {
                return await UploadAsync(bucket, key, file, options, progress, cancellationToken).ConfigureAwait(false);
            }

            var resume = await FindUploadAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            var reporter = new ProgressReporter(progress, file.Length);
            return await UploadPartsAsync(bucket, key, file, file.Length, null, options, reporter, resume, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Downloads an object into a stream: parallel ranged GETs for large objects, written in order, pinned to the
    /// object's entity tag so a concurrent overwrite fails with <see cref="S3PreconditionFailedException"/> instead of
    /// mixing versions. Truncated parts are fetched again; nothing is written short.
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="destination">Where the bytes go, in order.</param>
    /// <param name="options">Part size, concurrency, SSE-C key.</param>
    /// <param name="progress">Receives progress, throttled; 100 % exactly once, at the end.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>What was downloaded.</returns>
    public async Task<TransferResult> DownloadAsync(
        string bucket, string key, Stream destination, TransferOptions? options = null, IProgress<TransferProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options = Checked(bucket, key, options);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream cannot be written.", nameof(destination));
        }

        var downloader = new RangedDownloader(_client, bucket, key, options, _buffers);
        var (first, total, etag, versionId) = await downloader.StartAsync(cancellationToken).ConfigureAwait(false);
        var reporter = new ProgressReporter(progress, total);
        using (first)
        {
            await destination.WriteAsync(first.Memory, cancellationToken).ConfigureAwait(false);
            reporter.Add(first.Length);
        }

        await downloader.FetchRestAsync(total, etag, async (_, _, part, ct) =>
        {
            await destination.WriteAsync(part.Memory, ct).ConfigureAwait(false);
            reporter.Add(part.Length);
        }, _ => false, cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        reporter.Complete();
        return new TransferResult(bucket, key, total, etag, versionId, PartCount(total, options.PartSize));
    }

    /// <summary>
    /// Downloads an object into a file (see <see cref="DownloadAsync(string, string, Stream, TransferOptions?, IProgress{TransferProgress}?, CancellationToken)"/>),
    /// writing parts at their offsets in <c>{filePath}.s3partial</c> and moving it into place only when complete and
    /// verified. With <see cref="TransferOptions.AllowResume"/> a failed download keeps its verified parts, and the next
    /// call for the same path continues from them if the object has not changed.
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="filePath">The file to create or replace.</param>
    /// <param name="options">Part size, concurrency, SSE-C key, resume.</param>
    /// <param name="progress">Receives progress, throttled; 100 % exactly once, at the end.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>What was downloaded.</returns>
    public async Task<TransferResult> DownloadFileAsync(
        string bucket, string key, string filePath, TransferOptions? options = null, IProgress<TransferProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options = Checked(bucket, key, options);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        var partial = filePath + PartialSuffix;
        var journalPath = filePath + JournalSuffix;
        var completed = false;
        try
        {
            var downloader = new RangedDownloader(_client, bucket, key, options, _buffers);
            var (first, total, etag, versionId) = await downloader.StartAsync(cancellationToken).ConfigureAwait(false);
            var reporter = new ProgressReporter(progress, total);
            using (var journal = DownloadJournal.Open(journalPath, etag, total, options.PartSize, options.AllowResume && File.Exists(partial)))
            using (var handle = File.OpenHandle(partial, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, FileOptions.Asynchronous))
            {
                RandomAccess.SetLength(handle, total);
                using (first)
                {
                    await WritePartAsync(handle, journal, 0, 0, first, reporter, cancellationToken).ConfigureAwait(false);
                }

                foreach (var done in journal.Done.Where(i => i > 0))
                {
                    reporter.Add(Math.Min(options.PartSize, total - (done * options.PartSize)));
                }

                await downloader.FetchRestAsync(total, etag, (index, offset, part, ct) => WritePartAsync(handle, journal, index, offset, part, reporter, ct),
                    journal.Done.Contains, cancellationToken).ConfigureAwait(false);
                if (RandomAccess.GetLength(handle) != total)
                {
                    throw new IOException($"The downloaded file has {RandomAccess.GetLength(handle)} bytes, not {total}.");
                }
            }

            File.Move(partial, filePath, overwrite: true);
            completed = true;
            reporter.Complete();
            return new TransferResult(bucket, key, total, etag, versionId, PartCount(total, options.PartSize));
        }
        finally
        {
            if (completed || !options.AllowResume)
            {
                TryDelete(partial);
                TryDelete(journalPath);
            }
        }
    }

    /// <summary>Checks the bucket, key and options before any request; returns the options to use.</summary>
    private TransferOptions Checked(string bucket, string key, TransferOptions? options)
    {
        S3Validation.BucketName(bucket);
        S3Validation.ObjectKey(key);
        options ??= _defaults;
        TransferOptionsValidator.Validate(options);
        return options;
    }

    private async Task<TransferResult> PutSingleAsync(
        string bucket, string key, Stream content, long length, PooledBuffer? buffer, TransferOptions options, ProgressReporter reporter,
        CancellationToken cancellationToken)
    {
        var put = new PutObjectOptions { ContentLength = length };
        options.CopyWriteSettingsTo(put);
        if (options.ChecksumAlgorithm != S3ChecksumAlgorithm.None)
        {
            put.Checksum = buffer is not null
                ? S3ChecksumCalculator.Compute(options.ChecksumAlgorithm, buffer.Memory.Span)
                : await ChecksumOfSeekableAsync(content, length, options.ChecksumAlgorithm, cancellationToken).ConfigureAwait(false);
        }

        var result = await _client.PutObjectAsync(bucket, key, content, put, cancellationToken).ConfigureAwait(false);
        reporter.Add(length);
        reporter.Complete();
        return new TransferResult(bucket, key, length, result.ETag, result.VersionId, 1);
    }

    private async Task<TransferResult> UploadPartsAsync(
        string bucket, string key, Stream content, long? length, PooledBuffer? first, TransferOptions options, ProgressReporter reporter,
        (string UploadId, List<S3PartInfo> Parts)? resumeFrom, CancellationToken cancellationToken)
    {
        string uploadId;
        try
        {
            if (resumeFrom is { } resume)
            {
                uploadId = resume.UploadId;
            }
            else
            {
                var create = new CreateMultipartUploadOptions { ChecksumAlgorithm = options.ChecksumAlgorithm };
                options.CopyWriteSettingsTo(create);
                // Not cancelled midway: a create the service performed but whose answer was dropped would leave an upload
                // nobody knows the id of. A cancellation is seen right after, and the new upload is aborted.
                uploadId = await _client.CreateMultipartUploadAsync(bucket, key, create, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch
        {
            first?.Dispose();
            throw;
        }

        var effective = options;
        if (resumeFrom is { Parts: [var firstPart, ..] } && firstPart.PartNumber == 1 && firstPart.Size != PartSizing.ForKnownLength(length ?? 0, options.PartSize))
        {
            // Resume with the part size the interrupted upload used, so part boundaries line up.
            effective = options.Clone();
            effective.PartSize = firstPart.Size;
        }

        var uploader = new MultipartUploader(_client, bucket, key, effective, reporter, resumeFrom?.Parts, _buffers);
        return await uploader.UploadAsync(content, uploadId, length, first, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(string UploadId, List<S3PartInfo> Parts)?> FindUploadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        S3MultipartUploadInfo? latest = null;
        await foreach (var upload in _client.ListMultipartUploadsAsync(bucket, key, cancellationToken).ConfigureAwait(false))
        {
            if (upload.Key == key && (latest is null || upload.Initiated > latest.Initiated))
            {
                latest = upload;
            }
        }

        if (latest is null)
        {
            return null;
        }

        var parts = new List<S3PartInfo>();
        await foreach (var part in _client.ListPartsAsync(bucket, key, latest.UploadId, cancellationToken).ConfigureAwait(false))
        {
            parts.Add(part);
        }

        return (latest.UploadId, parts);
    }

    private static async Task WritePartAsync(
        SafeFileHandle handle, DownloadJournal journal, int index, long offset, PooledBuffer part, ProgressReporter reporter, CancellationToken cancellationToken)
    {
        await RandomAccess.WriteAsync(handle, part.Memory, offset, cancellationToken).ConfigureAwait(false);
        journal.MarkDone(index);
        reporter.Add(part.Length);
    }

    private static async Task<S3Checksum> ChecksumOfSeekableAsync(Stream content, long length, S3ChecksumAlgorithm algorithm, CancellationToken cancellationToken)
    {
        var start = content.Position;
        using var calculator = new S3ChecksumCalculator(algorithm);
        using var buffer = new PooledBuffer(Math.Clamp(length, 1, 1024 * 1024));
        var left = length;
        while (left > 0)
        {
            var read = await content.ReadAsync(buffer.Array.AsMemory(0, (int)Math.Min(buffer.Array.Length, left)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            calculator.Append(buffer.Array.AsSpan(0, read));
            left -= read;
        }

        content.Position = start;
        return calculator.GetChecksum();
    }

    private static int PartCount(long total, long partSize) => (int)Math.Max(1, (total + partSize - 1) / partSize);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover partial file is harmless and replaced by the next download.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
