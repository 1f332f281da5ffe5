using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace S3Client.Fallback.Internal;

/// <summary>
/// The body of a whole-object read that is also written to a temporary cache file as the caller reads it. When the
/// body ends with exactly the announced length, the hash is appended and the file moved into place; a body that is
/// not read to its end, fails, or runs long or short leaves nothing behind. A failing cache write never fails the read.
/// </summary>
internal sealed class CacheWriteStream : ReadOnlyForwardStream
{
    private readonly Stream _inner;
    private readonly long _expected;
    private readonly string _tempPath;
    private readonly Action _commit;
    private readonly ILogger _logger;
    private FileStream? _temp;
    private IncrementalHash? _hash;
    private long _written;

    public CacheWriteStream(Stream inner, CacheEntryHeader header, string tempPath, Action commit, ILogger logger)
    {
        _inner = inner;
        _expected = header.ContentLength;
        _tempPath = tempPath;
        _commit = commit;
        _logger = logger;
        _temp = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
        _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            var bytes = header.Serialize();
            Span<byte> prefix = stackalloc byte[CacheEntryHeader.PrefixBytes];
            CacheEntryHeader.Magic.CopyTo(prefix);
            BinaryPrimitives.WriteInt32LittleEndian(prefix[8..], bytes.Length);
            Append(prefix);
            Append(bytes);
        }
        catch
        {
            Abandon();
            throw;
        }
    }

    public override long Length => _inner.Length;

    public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        Observe(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Observe(buffer.Span[..read]);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Abandon();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        Abandon();
        await _inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private void Observe(ReadOnlySpan<byte> data)
    {
        if (_temp is null)
        {
            return;
        }

        try
        {
            if (data.Length > 0)
            {
                _written += data.Length;
                if (_written > _expected)
                {
                    Abandon();
                    return;
                }

                Append(data);
            }
            else if (_written == _expected)
            {
                Complete();
            }
            else
            {
                Abandon();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.CacheWriteFailed(_logger, e);
            Abandon();
        }
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        // Cache writes are small sequential writes to a local file; the network read they follow dominates.
        _temp!.Write(data);
        _hash!.AppendData(data);
    }

    private void Complete()
    {
        _temp!.Write(_hash!.GetHashAndReset());
        _temp.Flush(flushToDisk: true);
        _temp.Dispose();
        _temp = null;
        _hash.Dispose();
        _hash = null;
        _commit();
    }

    private void Abandon()
    {
        if (_temp is null)
        {
            return;
        }

        _temp.Dispose();
        _temp = null;
        _hash?.Dispose();
        _hash = null;
        try
        {
            File.Delete(_tempPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.CacheWriteFailed(_logger, e);
        }
    }
}
