namespace S3Client.Transfer.Internal;

/// <summary>
/// A read-only, forward-only view of a stream of unknown length that can tell whether it has ended without losing a
/// byte: <see cref="AtEndAsync"/> reads one byte ahead and the next read returns it first. Lets an upload know that a
/// full part is the last one (for the single-PUT decision and for progress) before sending it.
/// </summary>
internal sealed class PeekableStream(Stream inner) : Stream
{
    private readonly byte[] _ahead = new byte[1];
    private bool _hasAhead;
    private bool _ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Whether the stream has no more bytes; reads at most one byte ahead, which the next read returns.</summary>
    public async ValueTask<bool> AtEndAsync(CancellationToken cancellationToken)
    {
        if (!_hasAhead && !_ended)
        {
            _hasAhead = await inner.ReadAsync(_ahead, cancellationToken).ConfigureAwait(false) == 1;
            _ended = !_hasAhead;
        }

        return _ended;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_hasAhead)
        {
            _hasAhead = false;
            buffer.Span[0] = _ahead[0];
            return 1;
        }

        return _ended ? 0 : await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (count == 0)
        {
            return 0;
        }

        if (_hasAhead)
        {
            _hasAhead = false;
            buffer[offset] = _ahead[0];
            return 1;
        }

        return _ended ? 0 : inner.Read(buffer, offset, count);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
