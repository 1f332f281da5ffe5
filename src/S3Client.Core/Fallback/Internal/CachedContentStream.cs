namespace S3Client.Fallback.Internal;

/// <summary>The object bytes of a verified cache file: a read-only window of the open file, which it owns.</summary>
internal sealed class CachedContentStream(FileStream file, long length) : ReadOnlyForwardStream
{
    private readonly long _start = file.Position;

    public override long Length => length;

    public override long Position { get => file.Position - _start; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer) => file.Read(buffer[..Allowed(buffer.Length)]);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        file.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Allowed(int requested) => (int)Math.Min(requested, length - Position);
}
