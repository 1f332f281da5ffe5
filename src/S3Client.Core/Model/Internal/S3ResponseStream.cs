using S3Client.Pipeline.Internal;

namespace S3Client.Model.Internal;

/// <summary>
/// Every response body the client reads, streamed to the caller (GET, listings) or read inside the attempt (small
/// results, error documents): reads through to the network stream, fails loudly when fewer bytes arrive than the
/// Content-Length promised or when no byte arrives within the idle timeout, counts the bytes received (the one place
/// that does), and releases the response (and its connection) when disposed.
/// </summary>
internal sealed class S3ResponseStream : Stream
{
    private readonly IDisposable? _owner;
    private readonly Stream _inner;
    private readonly long? _expectedLength;
    private readonly IdleTimeout? _idle;
    private readonly string _operation;
    private readonly S3Metrics? _metrics;
    private long _read;
    private bool _disposed;

    public S3ResponseStream(
        IDisposable? owner, Stream inner, long? expectedLength, IdleTimeout? idle = null, string operation = "GetObject", S3Metrics? metrics = null)
    {
        _operation = operation;
        _metrics = metrics;
        _owner = owner;
        _inner = inner;
        _expectedLength = expectedLength;
        _idle = idle;
    }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _expectedLength ?? throw new NotSupportedException("The response has no Content-Length.");

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException("The object stream cannot seek; use a byte range to read from an offset.");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Count(_inner.Read(buffer), buffer.Length);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var read = _idle is null
            ? await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)
            : await _idle.ReadAsync(_inner, buffer, cancellationToken).ConfigureAwait(false);
        return Count(read, buffer.Length);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("The object stream cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _metrics?.Received(_read, _operation);
            _inner.Dispose();
            _owner?.Dispose();
            _idle?.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read, int requested)
    {
        if (read > 0)
        {
            _read += read;
            if (_read > _expectedLength)
            {
                throw new IOException($"The response body is longer than its Content-Length of {_expectedLength} bytes.");
            }
        }
        else if (requested > 0 && _expectedLength is { } expected && _read < expected)
        {
            throw new IOException(
                $"The response body ended after {_read} of {expected} bytes (Content-Length): the download is truncated.");
        }

        return read;
    }
}
