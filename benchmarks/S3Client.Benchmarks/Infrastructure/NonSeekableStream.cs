namespace S3Client.Benchmarks.Infrastructure;

/// <summary>
/// A read-only stream of a fixed number of pseudo-random bytes that cannot seek and has no length: what a network
/// stream, a pipe or standard input looks like to an upload.
/// </summary>
public sealed class NonSeekableStream : Stream
{
    private static readonly byte[] Pattern = CreatePattern();
    private long _position;
    private readonly long _length;

    public NonSeekableStream(long length) => _length = length;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("The length of this stream is unknown.");

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length && _position < _length)
        {
            var start = (int)(_position % Pattern.Length);
            var count = (int)Math.Min(Math.Min(buffer.Length - total, Pattern.Length - start), _length - _position);
            Pattern.AsSpan(start, count).CopyTo(buffer[total..]);
            total += count;
            _position += count;
        }

        return total;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static byte[] CreatePattern()
    {
        var pattern = new byte[1024 * 1024];
        new Random(11).NextBytes(pattern);
        return pattern;
    }
}
