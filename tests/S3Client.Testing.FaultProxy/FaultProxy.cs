using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using S3Client.FaultInjection.Internal;

namespace S3Client.FaultInjection;

/// <summary>
/// An HTTP/1.1 proxy on 127.0.0.1 that sits in front of a real server and breaks exchanges on purpose, at the TCP
/// level: it answers in the server's place, resets connections in the middle of an upload or a download, truncates
/// bodies and stalls them, as <see cref="FaultRule"/>s say. Point a client's endpoint at <see cref="Url"/>.
/// </summary>
/// <remarks>
/// Every connection carries exactly one request: the proxy sends <c>Connection: close</c> both ways, so each request
/// (and each retry) arrives on a connection of its own and faults can be scripted per request. The <c>Host</c> header and
/// every other end-to-end header pass through unchanged, so signatures made for <see cref="Url"/> stay valid.
/// Bodies are streamed through pooled buffers, never held whole.
/// </remarks>
/// <example>
/// <code>
/// await using var proxy = FaultProxy.Start(serverUrl);
/// proxy.Add(new FaultRule(FaultAction.S3Error(503, "SlowDown")) { Times = 2 });
/// // ... a client with proxy.Url as its endpoint retries twice and succeeds ...
/// proxy.Requests.Should().HaveCount(3);
/// </code>
/// </example>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly List<FaultRule> _rules = [];
    private readonly List<ProxiedRequest> _requests = [];
    private readonly ConcurrentDictionary<ProxyConnection, Task> _connections = new();
    private readonly Task _accepting;
    private int _disposed;

    private FaultProxy(Uri target, Socket listener, TimeProvider timeProvider)
    {
        Target = target;
        TimeProvider = timeProvider;
        _listener = listener;
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        Url = new Uri($"http://127.0.0.1:{port}/");
        var host = target.IdnHost.Trim('[', ']');
        TargetEndPoint = IPAddress.TryParse(host, out var address) ? new IPEndPoint(address, target.Port) : new DnsEndPoint(host, target.Port);
        _accepting = Task.Run(() => AcceptAsync(_stopping.Token));
    }

    /// <summary>Where clients connect: <c>http://127.0.0.1:port/</c>, on a port that was free.</summary>
    public Uri Url { get; }

    /// <summary>The server the proxy forwards to.</summary>
    public Uri Target { get; }

    /// <summary>Every request received so far, in the order their bodies ended; a snapshot.</summary>
    public IReadOnlyList<ProxiedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests.ToArray();
            }
        }
    }

    internal EndPoint TargetEndPoint { get; }

    /// <summary>The clock that times <see cref="FaultAction.DelayResponse"/>.</summary>
    internal TimeProvider TimeProvider { get; }

    /// <summary>Completes when the proxy is disposed, which ends every stall.</summary>
    internal Task Stopped => _stopped.Task;

    /// <summary>Starts a proxy on a free port of 127.0.0.1 in front of the <c>http</c> server <paramref name="target"/>.</summary>
    /// <param name="target">The server the proxy relays to.</param>
    /// <param name="timeProvider">The clock that times delayed answers; the system clock when null (a fake one lets
    /// a test decide when a delay has passed).</param>
    public static FaultProxy Start(Uri target, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.IsAbsoluteUri || target.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException("The target must be an absolute http:// URL.", nameof(target));
        }

        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(512);
            return new FaultProxy(target, listener, timeProvider ?? TimeProvider.System);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    /// <summary>Adds a rule after the existing ones; it applies to requests whose head arrives from now on.</summary>
    /// <returns><paramref name="rule"/>, to check its <see cref="FaultRule.FiredCount"/> later.</returns>
    public FaultRule Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_lock)
        {
            _rules.Add(rule);
        }

        return rule;
    }

    /// <summary>Stops listening, ends every stall, resets every open connection and waits until all are closed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _accepting.ConfigureAwait(false);
        foreach (var connection in _connections.Keys)
        {
            connection.Abort();
        }

        // Only now end the stalls, so that a released stall cannot send the rest of its body before the reset.
        _stopped.TrySetResult();
        await Task.WhenAll(_connections.Values).ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>Fires the first rule that matches <paramref name="head"/> and has firings left.</summary>
    internal FaultRule? Fire(RequestHead head)
    {
        FaultRule[] rules;
        lock (_lock)
        {
            rules = _rules.ToArray();
        }

        return rules.FirstOrDefault(rule => rule.TryFire(head));
    }

    internal void Record(ProxiedRequest request)
    {
        lock (_lock)
        {
            _requests.Add(request);
        }
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var connection = new ProxyConnection(this, client);
            _connections[connection] = Task.CompletedTask;
            _connections.TryUpdate(connection, ServeAsync(connection, cancellationToken), Task.CompletedTask);
        }
    }

    private async Task ServeAsync(ProxyConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            // On the thread pool, so that a slow exchange never delays the next accept.
            await Task.Run(() => connection.RunAsync(cancellationToken), CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(connection, out _);
        }
    }
}
