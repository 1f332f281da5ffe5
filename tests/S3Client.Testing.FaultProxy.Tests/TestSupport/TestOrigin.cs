using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace S3Client.FaultInjection.Tests.TestSupport;

/// <summary>
/// A deliberately small HTTP/1.1 server on 127.0.0.1 for the proxy to forward to: one request per connection, bodies
/// by Content-Length or chunked, answers from a function, and a record of what arrived (also when a body broke off).
/// Written independently of the proxy's own parsing so that the two check each other.
/// </summary>
public sealed class TestOrigin : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<OriginRequest, OriginResponse> _respond;
    private readonly Channel<OriginRequest> _arrivals = Channel.CreateUnbounded<OriginRequest>();
    private readonly List<OriginRequest> _requests = [];
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private int _connectionCount;

    private TestOrigin(Func<OriginRequest, OriginResponse> respond)
    {
        _respond = respond;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = Task.Run(AcceptAsync);
    }

    public Uri Url { get; }

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public IReadOnlyList<OriginRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    public static TestOrigin Start(Func<OriginRequest, OriginResponse> respond) => new(respond);

    /// <summary>An origin that answers every request with <paramref name="body"/>.</summary>
    public static TestOrigin Serving(byte[] body) => new(_ => OriginResponse.Ok(body));

    /// <summary>Waits for the next request to arrive (in full or broken off), in arrival order.</summary>
    public async Task<OriginRequest> NextRequestAsync() =>
        await _arrivals.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _accepting;
        Task[] connections;
        lock (_connections)
        {
            connections = _connections.ToArray();
        }

        await Task.WhenAll(connections);
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref _connectionCount);
            lock (_connections)
            {
                _connections.Add(Task.Run(() => ServeAsync(socket)));
            }
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var network = new NetworkStream(socket, ownsSocket: true);
        var input = new LineReader(network);
        string method, target;
        List<KeyValuePair<string, string>> headers;
        try
        {
            (method, target, headers) = await ReadHeadAsync(input);
        }
        catch (IOException)
        {
            return;
        }

        var body = new MemoryStream();
        var complete = await TryReadBodyAsync(input, headers, body);
        var request = new OriginRequest(method, target, headers, body.ToArray(), complete);
        lock (_requests)
        {
            _requests.Add(request);
        }

        await _arrivals.Writer.WriteAsync(request);
        if (!complete)
        {
            return;
        }

        try
        {
            await WriteResponseAsync(network, request, _respond(request));
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            // the proxy went away
        }
    }

    private static async Task<(string Method, string Target, List<KeyValuePair<string, string>> Headers)> ReadHeadAsync(LineReader input)
    {
        var requestLine = (await input.ReadLineAsync()).Split(' ');
        var headers = new List<KeyValuePair<string, string>>();
        for (var line = await input.ReadLineAsync(); line.Length > 0; line = await input.ReadLineAsync())
        {
            var colon = line.IndexOf(':');
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }

        return (requestLine[0], requestLine[1], headers);
    }

    private static async Task<bool> TryReadBodyAsync(LineReader input, List<KeyValuePair<string, string>> headers, MemoryStream body)
    {
        try
        {
            var contentLength = headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
            if (headers.Any(h => h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)))
            {
                while (true)
                {
                    var size = long.Parse((await input.ReadLineAsync()).Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    if (size == 0)
                    {
                        break;
                    }

                    await input.CopyExactlyAsync(body, size);
                    await input.ReadLineAsync();
                }

                while ((await input.ReadLineAsync()).Length > 0)
                {
                    // trailer fields
                }

                return true;
            }

            await input.CopyExactlyAsync(body, contentLength is null ? 0 : long.Parse(contentLength, CultureInfo.InvariantCulture));
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task WriteResponseAsync(Stream output, OriginRequest request, OriginResponse response)
    {
        var head = new StringBuilder($"HTTP/1.1 {response.StatusCode} Whatever\r\n");
        foreach (var header in response.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{header.Key}: {header.Value}\r\n");
        }

        head.Append(response.Framing switch
        {
            BodyFraming.ContentLength => $"Content-Length: {response.Body.Length}\r\n",
            BodyFraming.Chunked => "Transfer-Encoding: chunked\r\n",
            _ => "",
        });
        await output.WriteAsync(Encoding.Latin1.GetBytes(head.Append("\r\n").ToString()));
        if (request.Method == "HEAD")
        {
            return;
        }

        if (response.Framing != BodyFraming.Chunked)
        {
            await output.WriteAsync(response.Body);
            return;
        }

        // Small, uneven chunks, so that chunk boundaries fall everywhere in the proxy's reads.
        for (var offset = 0; offset < response.Body.Length; offset += 1000)
        {
            var length = Math.Min(1000, response.Body.Length - offset);
            await output.WriteAsync(Encoding.ASCII.GetBytes($"{length:x};ext=1\r\n"));
            await output.WriteAsync(response.Body.AsMemory(offset, length));
            await output.WriteAsync("\r\n"u8.ToArray());
        }

        await output.WriteAsync("0\r\nx-trailer: yes\r\n\r\n"u8.ToArray());
    }

    /// <summary>Lines and exact byte counts from a stream, through one buffer.</summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public async Task<string> ReadLineAsync()
        {
            var line = new StringBuilder();
            while (true)
            {
                await FillAsync();
                var value = _buffer[_start++];
                if (value == '\n')
                {
                    return line.ToString().TrimEnd('\r');
                }

                line.Append((char)value);
            }
        }

        public async Task CopyExactlyAsync(Stream destination, long count)
        {
            while (count > 0)
            {
                await FillAsync();
                var take = (int)Math.Min(count, _end - _start);
                destination.Write(_buffer, _start, take);
                _start += take;
                count -= take;
            }
        }

        private async ValueTask FillAsync()
        {
            if (_start < _end)
            {
                return;
            }

            _start = 0;
            _end = await stream.ReadAsync(_buffer);
            if (_end == 0)
            {
                throw new EndOfStreamException();
            }
        }
    }
}
