using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using S3Client.Options.Internal;

namespace S3Client;

/// <summary>
/// Builds the S3 handler pipeline without a DI container: diagnostics, error mapping, resilience, signing, then the
/// socket handler, exactly as <c>AddS3Client</c> registers it.
/// </summary>
public static class S3ClientPipeline
{
    /// <summary>Creates a client that owns its <see cref="HttpClient"/>; dispose it when done.</summary>
    /// <param name="options">The client settings; validated first.</param>
    /// <param name="loggerFactory">Where logs go; none when null.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="primaryHandler">The innermost handler; a pooled <see cref="SocketsHttpHandler"/> when null.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentException">The options are invalid; the message names each setting.</exception>
    public static S3ServiceClient CreateClient(
        S3ClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, HttpMessageHandler? primaryHandler = null)
    {
        var handler = CreateHandler(options, loggerFactory, timeProvider, primaryHandler);
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return new S3ServiceClient(http, options, timeProvider, ownsHttpClient: true);
    }

    /// <summary>Creates the handler chain, for an <see cref="HttpClient"/> of your own.</summary>
    /// <param name="options">The client settings; validated first.</param>
    /// <param name="loggerFactory">Where logs go; none when null.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="primaryHandler">The innermost handler; a pooled <see cref="SocketsHttpHandler"/> when null.</param>
    /// <returns>The outermost handler.</returns>
    public static DelegatingHandler CreateHandler(
        S3ClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, HttpMessageHandler? primaryHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new S3ClientOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        S3FallbackClientFactory.ThrowIfInvalid(options);

        loggerFactory ??= NullLoggerFactory.Instance;
        timeProvider ??= TimeProvider.System;
        var resilience = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        S3ResiliencePipeline.Configure(resilience, options, loggerFactory.CreateLogger(typeof(S3ResiliencePipeline)));

        return new S3DiagnosticsHandler(loggerFactory.CreateLogger<S3DiagnosticsHandler>(), timeProvider)
        {
            InnerHandler = new S3ErrorHandler(options.MaxErrorResponseBytes)
            {
#pragma warning disable CA2000 // Disposed by the handler chain that owns it.
                InnerHandler = new ResilienceHandler(resilience.Build())
                {
                    InnerHandler = new S3SigningHandler(options, timeProvider)
                    {
                        InnerHandler = primaryHandler ?? CreatePrimaryHandler(),
                    },
                },
#pragma warning restore CA2000
            },
        };
    }

    /// <summary>The default socket handler: pooled connections recycled every 5 minutes (DNS changes), no decompression.</summary>
    /// <returns>A new handler.</returns>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        MaxConnectionsPerServer = 256,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };
}
