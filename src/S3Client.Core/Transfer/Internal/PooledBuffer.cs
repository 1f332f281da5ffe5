using System.Buffers;

namespace S3Client.Transfer.Internal;

/// <summary>A part-sized buffer from a transfer manager's pool, returned exactly once.</summary>
internal sealed class PooledBuffer : IDisposable
{
    private readonly ArrayPool<byte> _pool;
    private byte[]? _array;

    public PooledBuffer(long size, ArrayPool<byte>? pool = null)
    {
        _pool = pool ?? ArrayPool<byte>.Shared;
        _array = _pool.Rent(checked((int)size));
    }

    public byte[] Array => _array ?? throw new ObjectDisposedException(nameof(PooledBuffer));

    public int Length { get; set; }

    public ReadOnlyMemory<byte> Memory => Array.AsMemory(0, Length);

    /// <summary>Fills the buffer from <paramref name="source"/> up to <paramref name="count"/> bytes; fewer only at its end.</summary>
    public async Task<int> FillAsync(Stream source, int count, CancellationToken cancellationToken)
    {
        Length = await source.ReadAtLeastAsync(Array.AsMemory(0, count), count, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return Length;
    }

    /// <summary>A read-only, seekable view of the filled bytes, so the HTTP layer can replay it on a retry.</summary>
    public MemoryStream AsStream() => new(Array, 0, Length, writable: false, publiclyVisible: true);

    public void Dispose()
    {
        var array = Interlocked.Exchange(ref _array, null);
        if (array is not null)
        {
            _pool.Return(array);
        }
    }
}
