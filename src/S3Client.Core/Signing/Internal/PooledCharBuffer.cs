using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace S3Client.Signing.Internal;

/// <summary>A growable char buffer on pooled arrays, for building canonical requests without intermediate strings.</summary>
internal ref struct PooledCharBuffer
{
    private char[] _chars;
    private int _length;

    public PooledCharBuffer(int capacity)
    {
        _chars = ArrayPool<char>.Shared.Rent(capacity);
        _length = 0;
    }

    public readonly ReadOnlySpan<char> Written => _chars.AsSpan(0, _length);

    public void Append(char c)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = c;
    }

    public void Append(scoped ReadOnlySpan<char> value)
    {
        if (_length + value.Length > _chars.Length)
        {
            Grow(value.Length);
        }

        value.CopyTo(_chars.AsSpan(_length));
        _length += value.Length;
    }

    /// <summary>Writes the lower-case hex SHA-256 of the UTF-8 bytes written so far into <paramref name="hex"/> (64 chars).</summary>
    public readonly void Sha256Hex(Span<char> hex)
    {
        Span<byte> hash = stackalloc byte[32];
        var written = Written;
        var max = Encoding.UTF8.GetMaxByteCount(written.Length);
        byte[]? rented = null;
        var bytes = max <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var count = Encoding.UTF8.GetBytes(written, bytes);
            SHA256.HashData(bytes[..count], hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        Convert.TryToHexStringLower(hash, hex, out _);
    }

    public override readonly string ToString() => Written.ToString();

    public void Dispose()
    {
        var chars = _chars;
        _chars = [];
        if (chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private void Grow(int needed)
    {
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + needed));
        _chars.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = bigger;
    }
}
