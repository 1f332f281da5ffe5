using System.Net;
using System.Net.Sockets;
using System.Text;

namespace S3Client.Core.Tests.TestSupport;

/// <summary>
/// An HTTP/1.1 server on 127.0.0.1 that answers every request with bytes the test wrote by hand, for answers no HTTP
/// framework lets a test send: a Content-Length of <c>abc</c> or <c>-1</c>, duplicate headers, raw non-UTF-8 bytes.
/// Each connection gets one answer and is closed.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    /// <param name="answer">The whole answer (status line, headers, blank line, body) to the request head it gets.</param>
    public RawHttpServer(Func<string, byte[]> answer)
    {
        _listener.Start();
        _accepting = AcceptAsync(answer);
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>The request heads received (request line and headers), in order.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>An answer with the given status line, header lines and body; no header is added.</summary>
    public static byte[] Answer(string statusLine, IEnumerable<string> headers, byte[]? body = null) =>
        [.. Encoding.Latin1.GetBytes($"HTTP/1.1 {statusLine}\r\n{string.Concat(headers.Select(h => h + "\r\n"))}Connection: close\r\n\r\n"), .. body ?? []];

    /// <summary>A client of this server.</summary>
    public S3ServiceClient Client() => new(
        new HttpClient(new S3ErrorHandler { InnerHandler = new SocketsHttpHandler() }),
        new S3Client.Pipeline.Internal.S3ClientRuntime(new S3ClientOptions { ServiceUrl = Url, AccessKeyId = "a", SecretAccessKey = "s", AddressingStyle = S3AddressingStyle.Path }),
        ownsHttpClient: true);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync(Func<string, byte[]> answer)
    {
        while (!_stop.IsCancellationRequested)
        {
            using var socket = await _listener.AcceptSocketAsync(_stop.Token);
            var head = await ReadHeadAsync(socket);
            lock (Requests)
            {
                Requests.Add(head);
            }

            await socket.SendAsync(answer(head), SocketFlags.None, _stop.Token);
            socket.Shutdown(SocketShutdown.Both);
        }
    }

    private async Task<string> ReadHeadAsync(Socket socket)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (!Encoding.Latin1.GetString([.. received]).Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            if (read == 0)
            {
                break;
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        return Encoding.Latin1.GetString([.. received]);
    }
}
