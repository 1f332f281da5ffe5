using Microsoft.Extensions.Logging;
using S3Client.Fallback.Internal;

namespace S3Client;

/// <summary>
/// Builds a client with graceful degradation (<see cref="S3ClientOptions.Fallback"/>) without a DI container: the
/// primary and every fallback endpoint get their own pipeline from <see cref="S3ClientPipeline"/> (handlers, signing
/// with the endpoint's region and credentials, retries, circuit breaker), behind an <see cref="S3FailoverClient"/>.
/// </summary>
public static class S3FallbackClientFactory
{
    /// <summary>Creates the failover client; it owns the endpoint clients, so dispose it when done.</summary>
    /// <param name="options">The client settings with <see cref="S3ClientOptions.Fallback"/>; validated first.</param>
    /// <param name="loggerFactory">Where logs go; none when null.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="primaryHandlers">
    /// The innermost handler of each endpoint's pipeline by endpoint name (<c>primary</c> for the primary); a pooled
    /// <see cref="SocketsHttpHandler"/> when null or missing.
    /// </param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentException">The options are invalid; the message names each setting.</exception>
    public static S3FailoverClient CreateClient(
        S3ClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null,
        IReadOnlyDictionary<string, HttpMessageHandler>? primaryHandlers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfInvalid(options);
        var clients = new List<IS3Client>();
        try
        {
            var primary = S3ClientPipeline.CreateClient(options, loggerFactory, timeProvider, Handler(primaryHandlers, S3ReadSource.PrimaryName));
            clients.Add(primary);
            var fallbacks = new List<KeyValuePair<string, IS3Client>>();
            for (var index = 0; index < options.Fallback.Endpoints.Count; index++)
            {
                var name = options.Fallback.Endpoints[index].Name;
                var client = S3ClientPipeline.CreateClient(FallbackEndpointOptions.Derive(options, index), loggerFactory, timeProvider, Handler(primaryHandlers, name));
                clients.Add(client);
                fallbacks.Add(new(name, client));
            }

            return new S3FailoverClient(primary, fallbacks, options.Fallback, loggerFactory?.CreateLogger<S3FailoverClient>(), timeProvider, ownsClients: true);
        }
        catch
        {
            foreach (var client in clients)
            {
                (client as IDisposable)?.Dispose();
            }

            throw;
        }
    }

    internal static void ThrowIfInvalid(S3ClientOptions options)
    {
        var validation = new S3FallbackOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }
    }

    private static HttpMessageHandler? Handler(IReadOnlyDictionary<string, HttpMessageHandler>? handlers, string name) =>
        handlers is not null && handlers.TryGetValue(name, out var handler) ? handler : null;
}
