namespace S3Client.IntegrationTests.TestSupport;

/// <summary>
/// A seekable stream of <c>length</c> pseudo-random bytes computed from the position, so large objects are streamed
/// without being held in memory, and the same seed always gives the same bytes.
/// </summary>
public sealed class PatternStream(long length, ulong seed = 0x9E3779B97F4A7C15) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, length);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        var word = 0UL;
        for (var i = 0; i < count; i++)
        {
            var position = _position + i;
            if (i == 0 || (position & 7) == 0)
            {
                word = Mix((ulong)(position >> 3) ^ seed);
            }

            buffer[i] = (byte)(word >> (int)(8 * (position & 7)));
        }

        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccd;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53;
        return x ^ (x >> 33);
    }
}
