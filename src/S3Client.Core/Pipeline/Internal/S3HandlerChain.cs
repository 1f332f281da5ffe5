namespace S3Client.Pipeline.Internal;

/// <summary>
/// The one place that builds a client's handler chain, used by the DI registration and by the factory without a
/// container alike, so the two cannot drift: diagnostics, error mapping, resilience (when given), endpoint resolution
/// (service discovery, when given), the attempt (signing and reading the answer), the wire log (when
/// <c>Diagnostics:LogHttp</c> is on), then the primary handler.
/// </summary>
internal static class S3HandlerChain
{
    /// <summary>The S3 handlers, outermost first, not yet linked.</summary>
    public static DelegatingHandler[] CreateHandlers(S3ClientRuntime runtime, DelegatingHandler? resilience, DelegatingHandler? endpointResolver = null)
    {
        var handlers = new List<DelegatingHandler>(6) { new S3DiagnosticsHandler(runtime), new S3ErrorHandler(runtime) };
        if (resilience is not null)
        {
            handlers.Add(resilience);
        }

        // Above signing, so the signature covers the resolved host.
        if (endpointResolver is not null)
        {
            handlers.Add(endpointResolver);
        }

        handlers.Add(new S3SigningHandler(runtime));
        if (runtime.Options.Diagnostics.LogHttp)
        {
            handlers.Add(new S3WireLoggingHandler(runtime));
        }

        return [.. handlers];
    }

    /// <summary>The handlers linked in order over <paramref name="primary"/>; returns the outermost.</summary>
    public static DelegatingHandler Create(S3ClientRuntime runtime, DelegatingHandler? resilience, HttpMessageHandler primary)
    {
        var handlers = CreateHandlers(runtime, resilience);
        for (var i = 0; i < handlers.Length; i++)
        {
            handlers[i].InnerHandler = i + 1 < handlers.Length ? handlers[i + 1] : primary;
        }

        return handlers[0];
    }

    /// <summary>
    /// The default socket handler: pooled connections recycled every 5 minutes (DNS changes), no decompression, and
    /// redirects never followed (S3's 301/307 are errors naming the right endpoint; following one would carry the
    /// session token, SSE-C keys and the body to another host).
    /// </summary>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = 256,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>
    /// Turns off redirects on a primary handler configured elsewhere; returns whether it had them on, so the caller can
    /// say so once. Handlers of other types are left as they are (the attempt refuses a followed redirect anyway).
    /// </summary>
    public static bool DisableRedirects(HttpMessageHandler primary)
    {
        switch (primary)
        {
            case SocketsHttpHandler { AllowAutoRedirect: true } sockets:
                sockets.AllowAutoRedirect = false;
                return true;
            case HttpClientHandler { AllowAutoRedirect: true } client:
                client.AllowAutoRedirect = false;
                return true;
            default:
                return false;
        }
    }
}
