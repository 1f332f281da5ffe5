using System.Net.Sockets;
using System.Text;

namespace S3Client.FaultInjection.Internal;

/// <summary>
/// One client connection carrying one exchange: reads the request head, asks the rules, forwards (or not) the head and
/// body to the target, and relays (or replaces, or breaks) the response; then closes both connections.
/// </summary>
internal sealed class ProxyConnection
{
    private static readonly byte[] ContinueResponse = "HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray();

    private readonly FaultProxy _proxy;
    private readonly Socket _client;
    private Socket? _target;
    private SocketReader? _targetReader;
    private bool _responseStarted;
    private bool _resetTarget;

    public ProxyConnection(FaultProxy proxy, Socket client)
    {
        _proxy = proxy;
        _client = client;
        _client.NoDelay = true;
    }

    private enum RelayOutcome
    {
        Complete,
        LimitReached,
        EndedEarly,
    }

    /// <summary>Serves the exchange; never throws. A failure before the response began becomes a 502 for the client, later a reset.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var clientReader = new SocketReader(_client);
        try
        {
            await ExchangeAsync(clientReader, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _resetTarget = true;
            if (_responseStarted || cancellationToken.IsCancellationRequested)
            {
                Reset(_client);
            }
            else
            {
                await TryRespondAsync(502, $"The fault proxy could not complete the exchange: {exception.GetType().Name}: {exception.Message}").ConfigureAwait(false);
            }
        }
        finally
        {
            if (_resetTarget)
            {
                Reset(_target);
            }
            else
            {
                CloseGracefully(_target);
            }

            CloseGracefully(_client);
            _targetReader?.Dispose();
        }
    }

    /// <summary>Breaks both connections now (the proxy is being disposed).</summary>
    public void Abort()
    {
        Reset(_client);
        Reset(_target);
    }

    private async Task ExchangeAsync(SocketReader clientReader, CancellationToken cancellationToken)
    {
        var text = await clientReader.ReadHeadAsync(cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            return;
        }

        RequestHead head;
        BodyFramer requestBody;
        try
        {
            head = RequestHead.Parse(text);
            requestBody = BodyFramer.ForRequest(head.HeaderList);
        }
        catch (Exception exception) when (exception is InvalidDataException or NotSupportedException)
        {
            await TryRespondAsync(exception is NotSupportedException ? 501 : 400, exception.Message).ConfigureAwait(false);
            return;
        }

        var rule = _proxy.Fire(head);
        var action = rule?.Action ?? FaultAction.PassThrough;
        if (action.ForwardsRequest)
        {
            await ConnectTargetAsync(cancellationToken).ConfigureAwait(false);

            // The proxy answers "Expect: 100-continue" itself, so the target must not wait for the body.
            var forwarded = HttpHeadText.Format($"{head.Method} {head.PathAndQuery} {head.Version}", head.HeaderList.ForNextHop("Expect"));
            await SendAsync(_target!, forwarded, cancellationToken).ConfigureAwait(false);
        }

        if (!requestBody.IsComplete && head.GetHeader("Expect") is { } expect && expect.Contains("100-continue", StringComparison.OrdinalIgnoreCase))
        {
            await SendAsync(_client, ContinueResponse, cancellationToken).ConfigureAwait(false);
        }

        var requestLimit = action.Kind == FaultKind.ResetAfterRequestBytes ? action.ByteCount : long.MaxValue;
        var requestOutcome = RelayOutcome.EndedEarly;
        using (var digest = new BodyDigest())
        {
            try
            {
                requestOutcome = await RelayBodyAsync(clientReader, requestBody, _target, requestLimit, digest, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _proxy.Record(new ProxiedRequest(head, digest.Length, digest.Sha256(), requestOutcome == RelayOutcome.Complete, rule));
            }
        }

        if (action.Kind == FaultKind.ResetAfterRequestBytes || requestOutcome == RelayOutcome.EndedEarly)
        {
            _resetTarget = true;
            Reset(_client);
            return;
        }

        switch (action.Kind)
        {
            case FaultKind.Respond:
                if (_targetReader is not null)
                {
                    await DiscardResponseAsync(_targetReader, head, cancellationToken).ConfigureAwait(false);
                }

                await RespondAsync(head, action.StatusCode, action.ResponseHeaders, action.Body, cancellationToken).ConfigureAwait(false);
                break;
            case FaultKind.ResetBeforeResponse:
                if (_targetReader is not null)
                {
                    await DiscardResponseAsync(_targetReader, head, cancellationToken).ConfigureAwait(false);
                }

                Reset(_client);
                break;
            default:
                await RelayResponseAsync(_targetReader!, head, action, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task RelayResponseAsync(SocketReader targetReader, RequestHead request, FaultAction action, CancellationToken cancellationToken)
    {
        var response = await ReadResponseHeadAsync(targetReader, cancellationToken).ConfigureAwait(false);
        var body = BodyFramer.ForResponse(request.Method, response.StatusCode, response.Headers);
        if (action.Kind == FaultKind.DelayResponse)
        {
            await Task.WhenAny(Task.Delay(action.Delay, _proxy.TimeProvider, cancellationToken), _proxy.Stopped).ConfigureAwait(false);
        }

        _responseStarted = true;
        await SendAsync(_client, HttpHeadText.Format(response.StartLine, response.Headers.ForNextHop()), cancellationToken).ConfigureAwait(false);

        var limit = action.Kind is FaultKind.PassThrough or FaultKind.DelayResponse ? long.MaxValue : action.ByteCount;
        var outcome = await RelayBodyAsync(targetReader, body, _client, limit, null, cancellationToken).ConfigureAwait(false);
        switch (action.Kind)
        {
            case FaultKind.ResetAfterResponseBytes:
                Reset(_client);
                break;
            case FaultKind.StallResponse when outcome == RelayOutcome.LimitReached:
                await Task.WhenAny(action.Release!, _proxy.Stopped).ConfigureAwait(false);
                await RelayBodyAsync(targetReader, body, _client, long.MaxValue, null, cancellationToken).ConfigureAwait(false);
                break;
            default:
                // TruncateResponse, a stall past the end, a pass-through: the graceful close in RunAsync ends the body.
                break;
        }
    }

    /// <summary>Reads the target's whole response and drops it (the client gets something else).</summary>
    private async Task DiscardResponseAsync(SocketReader targetReader, RequestHead request, CancellationToken cancellationToken)
    {
        var response = await ReadResponseHeadAsync(targetReader, cancellationToken).ConfigureAwait(false);
        var body = BodyFramer.ForResponse(request.Method, response.StatusCode, response.Headers);
        await RelayBodyAsync(targetReader, body, null, long.MaxValue, null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ResponseHead> ReadResponseHeadAsync(SocketReader targetReader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var text = await targetReader.ReadHeadAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new IOException("The target closed the connection without a response.");
            var response = ResponseHead.Parse(text);

            // Interim responses (100 Continue and the like) concern the proxy's connection only.
            if (response.StatusCode >= 200)
            {
                return response;
            }
        }
    }

    /// <summary>
    /// Moves body bytes from <paramref name="source"/> to <paramref name="destination"/> (or nowhere) until the body ends,
    /// the source closes, or <paramref name="limit"/> bytes have gone through.
    /// </summary>
    private static async Task<RelayOutcome> RelayBodyAsync(
        SocketReader source, BodyFramer body, Socket? destination, long limit, BodyDigest? digest, CancellationToken cancellationToken)
    {
        var relayed = 0L;
        while (!body.IsComplete)
        {
            if (relayed >= limit)
            {
                return RelayOutcome.LimitReached;
            }

            var available = await source.FillAsync(cancellationToken).ConfigureAwait(false);
            if (available.IsEmpty)
            {
                return body.EndsAtClose ? RelayOutcome.Complete : RelayOutcome.EndedEarly;
            }

            var window = available[..(int)Math.Min(available.Length, limit - relayed)];
            var taken = body.Consume(window.Span, digest);
            if (destination is not null)
            {
                await SendAsync(destination, window[..taken], cancellationToken).ConfigureAwait(false);
            }

            source.Advance(taken);
            relayed += taken;
        }

        return RelayOutcome.Complete;
    }

    private async Task ConnectTargetAsync(CancellationToken cancellationToken)
    {
        var endPoint = _proxy.TargetEndPoint;
        var socket = new Socket(endPoint.AddressFamily == AddressFamily.Unspecified ? AddressFamily.InterNetworkV6 : endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
        };
        if (socket.AddressFamily == AddressFamily.InterNetworkV6)
        {
            socket.DualMode = true;
        }

        _target = socket;
        await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
        _targetReader = new SocketReader(socket);
    }

    private Task RespondAsync(RequestHead? request, int statusCode, IEnumerable<KeyValuePair<string, string>> headers, byte[] body, CancellationToken cancellationToken)
    {
        var fields = headers
            .Where(header => !string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(header.Key, "Connection", StringComparison.OrdinalIgnoreCase))
            .Append(new("Content-Length", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new("Connection", "close"));
        var head = HttpHeadText.Format($"HTTP/1.1 {statusCode} {ReasonPhrase(statusCode)}", fields);
        var sendBody = body.Length > 0 && !string.Equals(request?.Method, "HEAD", StringComparison.OrdinalIgnoreCase);
        _responseStarted = true;
        return SendAsync(_client, sendBody ? head.Concat(body).ToArray() : head, cancellationToken).AsTask();
    }

    /// <summary>A plain-text answer from the proxy itself, for requests it cannot handle; failures to send it are ignored.</summary>
    private async Task TryRespondAsync(int statusCode, string message)
    {
        try
        {
            await RespondAsync(null, statusCode, [new("Content-Type", "text/plain; charset=utf-8")], Encoding.UTF8.GetBytes(message), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            Reset(_client);
        }
    }

    private static async ValueTask SendAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var sent = await socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            data = data[sent..];
        }
    }

    /// <summary>Closes with a TCP RST rather than a FIN: the peer sees "connection reset".</summary>
    private static void Reset(Socket? socket)
    {
        if (socket is null)
        {
            return;
        }

        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // already closed
        }

        socket.Dispose();
    }

    /// <summary>Sends a FIN after what was sent so far, then closes.</summary>
    private static void CloseGracefully(Socket? socket)
    {
        if (socket is null)
        {
            return;
        }

        try
        {
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // already closed or reset
        }

        socket.Dispose();
    }

    private static string ReasonPhrase(int statusCode) => statusCode switch
    {
        200 => "OK",
        204 => "No Content",
        206 => "Partial Content",
        304 => "Not Modified",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        412 => "Precondition Failed",
        416 => "Range Not Satisfiable",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    };
}
