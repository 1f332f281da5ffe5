using Microsoft.Extensions.Logging;
using S3Client.Options.Internal;
using S3Client.Resilience.Internal;

namespace S3Client;

/// <summary>
/// Builds an S3 client without a DI container: the same handler chain <c>AddS3Client</c> registers (diagnostics,
/// error mapping, resilience, the signed attempt, then the socket handler), built by the same code.
/// </summary>
public static class S3ClientPipeline
{
    /// <summary>Creates a client that owns its <see cref="HttpClient"/>; dispose it when done.</summary>
    /// <param name="options">The client settings; validated first.</param>
    /// <param name="loggerFactory">Where logs go; none when null.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="primaryHandler">
    /// The innermost handler; a pooled <see cref="SocketsHttpHandler"/> when null. Redirects are turned off on it.
    /// </param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentException">The options are invalid; the message names each setting.</exception>
    public static S3ServiceClient CreateClient(
        S3ClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, HttpMessageHandler? primaryHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new S3ClientOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        S3FallbackClientFactory.ThrowIfInvalid(options);
        var setup = new S3ClientSetup(options, loggerFactory, timeProvider, meterFactory: null);
#pragma warning disable CA2000 // The client owns the HttpClient, which owns the handlers.
        var http = new HttpClient(setup.CreateChain(primaryHandler ?? CreatePrimaryHandler()), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
#pragma warning restore CA2000
        return new S3ServiceClient(http, setup.Runtime, ownsHttpClient: true);
    }

    /// <summary>
    /// The default socket handler: pooled connections recycled every 5 minutes (DNS changes), no decompression,
    /// redirects never followed.
    /// </summary>
    /// <returns>A new handler.</returns>
    public static SocketsHttpHandler CreatePrimaryHandler() => Pipeline.Internal.S3HandlerChain.CreatePrimaryHandler();
}
