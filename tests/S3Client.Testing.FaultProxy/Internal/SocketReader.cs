using System.Buffers;
using System.Net.Sockets;
using System.Text;

namespace S3Client.FaultInjection.Internal;

/// <summary>
/// Reads one direction of a connection through a pooled buffer: a message head up to its blank line, then body bytes
/// as they arrive. Bytes received past the head stay buffered for the body.
/// </summary>
internal sealed class SocketReader : IDisposable
{
    /// <summary>The buffer size, and so the largest head accepted.</summary>
    public const int BufferSize = 64 * 1024;

    private readonly Socket _socket;
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _start;
    private int _end;

    public SocketReader(Socket socket) => _socket = socket;

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(SocketReader));

    /// <summary>
    /// Reads a head up to and including its blank line and returns it without the blank line, decoded byte for byte
    /// (Latin-1) so it can be written back unchanged; <see langword="null"/> when the peer closed before sending a byte.
    /// </summary>
    public async ValueTask<string?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var searchFrom = _start;
        while (true)
        {
            var buffered = Buffer.AsSpan(_start, _end - _start);
            var end = buffered[(searchFrom - _start)..].IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var length = searchFrom - _start + end;
                var head = Encoding.Latin1.GetString(buffered[..length]);
                _start += length + 4;
                return head;
            }

            // The terminator may straddle two receives: search again from three bytes before the end.
            searchFrom = Math.Max(_start, _end - 3);
            if (_start > 0)
            {
                Compact();
                searchFrom = Math.Max(0, _end - 3);
            }

            if (_end == Buffer.Length)
            {
                throw new InvalidDataException($"The message head is longer than {BufferSize} bytes.");
            }

            var received = await _socket.ReceiveAsync(Buffer.AsMemory(_end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (received == 0)
            {
                return _end == _start ? null : throw new InvalidDataException("The connection closed in the middle of a message head.");
            }

            _end += received;
        }
    }

    /// <summary>
    /// Returns the bytes buffered so far, receiving more first if none are; empty once the peer has closed its side.
    /// The memory is valid until the next call; <see cref="Advance"/> marks what was used.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>> FillAsync(CancellationToken cancellationToken)
    {
        if (_end == _start)
        {
            _start = 0;
            _end = await _socket.ReceiveAsync(Buffer.AsMemory(), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }

        return Buffer.AsMemory(_start, _end - _start);
    }

    /// <summary>Marks <paramref name="count"/> buffered bytes as used.</summary>
    public void Advance(int count) => _start += count;

    /// <summary>Returns the buffer to the pool; call only when no read is pending.</summary>
    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Compact()
    {
        var length = _end - _start;
        Buffer.AsSpan(_start, length).CopyTo(Buffer);
        _start = 0;
        _end = length;
    }
}
