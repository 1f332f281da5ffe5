using System.Buffers;
using System.Net;
using System.Security.Cryptography;
using S3Client.Pipeline.Internal;

namespace S3Client.Model.Internal;

/// <summary>
/// A request body of known length that can say whether it is replayable. A buffer or a seekable stream is rewound to
/// its start before each attempt, so a retry sends the same bytes; a non-seekable stream is sent once. Exactly
/// <see cref="Length"/> bytes are sent: a source that ends early fails the request rather than sending a short body.
/// </summary>
internal sealed class S3PayloadContent : HttpContent
{
    private const int CopyBufferSize = 81920;

    // Writes go out in slices of this size so the idle timeout measures progress, not the time to send a whole part.
    private const int WriteSliceSize = 256 * 1024;

    private readonly ReadOnlyMemory<byte> _buffer;
    private readonly Stream? _stream;
    private readonly long _startPosition;
    private int _sends;

    private S3PayloadContent(ReadOnlyMemory<byte> buffer)
    {
        _buffer = buffer;
        Length = buffer.Length;
        IsReplayable = true;
    }

    private S3PayloadContent(Stream stream, long length)
    {
        _stream = stream;
        Length = length;
        IsReplayable = stream.CanSeek;
        _startPosition = stream.CanSeek ? stream.Position : 0;
    }

    /// <summary>The number of bytes sent.</summary>
    public long Length { get; }

    /// <summary>Whether the body can be sent again.</summary>
    public bool IsReplayable { get; }

    /// <summary>Whether the body is in memory (hashing it is cheap).</summary>
    public bool IsBuffered => _stream is null;

    /// <summary>Fails a send that moves no byte for too long; null for none.</summary>
    public IdleTimeout? Idle { get; set; }

    public static S3PayloadContent FromBuffer(ReadOnlyMemory<byte> buffer) => new(buffer);

    /// <summary>
    /// Wraps <paramref name="content"/>: a seekable stream from its current position to its end (or
    /// <paramref name="contentLength"/> bytes), a non-seekable one for exactly <paramref name="contentLength"/> bytes.
    /// </summary>
    public static S3PayloadContent FromStream(Stream content, long? contentLength)
    {
        // A MemoryStream over an array (a transfer's part buffer) is sent straight from its buffer: no copy, no hashing read.
        if (content is MemoryStream memory && memory.TryGetBuffer(out var segment))
        {
            var start = (int)memory.Position;
            var available = segment.Count - start;
            if (contentLength > available)
            {
                throw new ArgumentException(
                    $"PutObjectOptions.ContentLength ({contentLength}) is larger than the {available} bytes left in the stream.", nameof(contentLength));
            }

            return new S3PayloadContent(segment.AsMemory(start, (int)(contentLength ?? available)));
        }

        if (content.CanSeek)
        {
            var remaining = content.Length - content.Position;
            if (contentLength > remaining)
            {
                throw new ArgumentException(
                    $"PutObjectOptions.ContentLength ({contentLength}) is larger than the {remaining} bytes left in the stream.", nameof(contentLength));
            }

            return new S3PayloadContent(content, contentLength ?? remaining);
        }

        if (contentLength is null)
        {
            throw new ArgumentException(
                "The stream cannot seek, so its length is unknown: set ContentLength in the options, or use UploadAsync, which uploads streams of unknown length in parts.",
                nameof(content));
        }

        return new S3PayloadContent(content, contentLength.Value);
    }

    /// <summary>Hashes the body (rewinding a seekable stream afterwards) as lower-case hex SHA-256.</summary>
    public async ValueTask<string> ComputeSha256HexAsync(CancellationToken cancellationToken)
    {
        if (_stream is null)
        {
            return Convert.ToHexStringLower(SHA256.HashData(_buffer.Span));
        }

        if (!_stream.CanSeek)
        {
            throw new InvalidOperationException("A non-seekable body cannot be hashed before it is sent.");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            _stream.Position = _startPosition;
            var left = Length;
            while (left > 0)
            {
                var read = await _stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw EndedEarly(Length - left);
                }

                hash.AppendData(buffer, 0, read);
                left -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _stream.Position = _startPosition;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    protected override bool TryComputeLength(out long length)
    {
        length = Length;
        return true;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var send = Interlocked.Increment(ref _sends);
        if (_stream is null)
        {
            for (var offset = 0; offset < _buffer.Length; offset += WriteSliceSize)
            {
                await WriteAsync(stream, _buffer.Slice(offset, Math.Min(WriteSliceSize, _buffer.Length - offset)), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (_stream.CanSeek)
        {
            _stream.Position = _startPosition;
        }
        else if (send > 1)
        {
            throw new InvalidOperationException("The request body is a non-seekable stream that was already sent; it cannot be sent again.");
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(Length, 1, CopyBufferSize));
        try
        {
            var left = Length;
            while (left > 0)
            {
                var read = await _stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw EndedEarly(Length - left);
                }

                await WriteAsync(stream, buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                left -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Idle?.Dispose();
        }

        base.Dispose(disposing);
    }

    private ValueTask WriteAsync(Stream stream, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        Idle is null ? stream.WriteAsync(data, cancellationToken) : Idle.WriteAsync(stream, data, cancellationToken);

    private IOException EndedEarly(long sent) =>
        new($"The content stream ended after {sent} of its {Length} bytes; the request was not completed, so no short object was stored.");
}
