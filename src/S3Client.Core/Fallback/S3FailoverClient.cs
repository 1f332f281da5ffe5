using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using S3Client.Fallback.Internal;
using Log = S3Client.Fallback.Internal.Log;

namespace S3Client;

/// <summary>
/// An <see cref="IS3Client"/> that degrades gracefully (<see cref="S3FallbackOptions"/>): reads (GET, HEAD, listings,
/// tags, ranged and parallel downloads) go to the primary and, after a transient failure or in hedged mode after the
/// hedge delay, to the fallback endpoints in order; when none can answer, the last-known-good cache serves a verified
/// copy. Writes, deletes, multipart calls and presigned URLs use the primary only and never fail over. Results say
/// where they came from (<see cref="GetObjectResult.Source"/>, <see cref="ObjectMetadata.Source"/>).
/// </summary>
/// <remarks>
/// When nothing can serve a read, the primary's exception is thrown; the fallback endpoints' exceptions are in its
/// <see cref="Exception.Data"/> under <c>S3Client.Fallback.{name}</c>. Registered for you by <c>AddS3Client</c> and
/// <c>S3ClientPipeline.CreateClient</c> when <see cref="S3ClientOptions.Fallback"/> is configured; build one yourself to
/// put fallback in front of any clients, such as two <c>InMemoryS3Client</c>s in a test.
/// </remarks>
public sealed partial class S3FailoverClient : IS3Client, IDisposable
{
    private readonly IS3Client _primary;
    private readonly ReadRouter _router;
    private readonly LastKnownGoodCache? _cache;
    private readonly S3FallbackOptions _options;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<IS3Client> _owned;
    private readonly S3TransferManager _transfers;
    private readonly FallbackMetrics _metrics;
    private readonly System.Diagnostics.Metrics.Meter? _ownedMeter;

    /// <summary>Creates a client that reads through <paramref name="primary"/>, then <paramref name="fallbacks"/>, then the cache.</summary>
    /// <param name="primary">The client of the primary endpoint; every write goes here.</param>
    /// <param name="fallbacks">The fallback clients by name, in the order they are tried.</param>
    /// <param name="options">The mode, hedge delay, 404 rule and cache; its <see cref="S3FallbackOptions.Endpoints"/> are not used.</param>
    /// <param name="logger">Where failovers, hedges and cache events are logged; none when null.</param>
    /// <param name="timeProvider">The clock of hedge delays and cache ages; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="ownsClients">Whether <see cref="Dispose"/> disposes the primary and fallback clients.</param>
    /// <exception cref="ArgumentException">A name is empty, repeated, <c>primary</c> or <c>cache</c>.</exception>
    public S3FailoverClient(
        IS3Client primary, IEnumerable<KeyValuePair<string, IS3Client>> fallbacks, S3FallbackOptions options, ILogger? logger = null,
        TimeProvider? timeProvider = null, bool ownsClients = false)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(fallbacks);
        ArgumentNullException.ThrowIfNull(options);
        List<KeyValuePair<string, IS3Client>> endpoints = [new(S3ReadSource.PrimaryName, primary)];
        foreach (var (name, client) in fallbacks)
        {
            if (string.IsNullOrWhiteSpace(name) || name is S3ReadSource.PrimaryName or S3ReadSource.CacheName
                || endpoints.Any(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"Fallback endpoint names must be unique, not empty, and neither 'primary' nor 'cache'; '{name}' is not.", nameof(fallbacks));
            }

            ArgumentNullException.ThrowIfNull(client, nameof(fallbacks));
            endpoints.Add(new(name, client));
        }

        if (options.HedgeDelay <= TimeSpan.Zero && options.Mode == S3FallbackMode.Hedged)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.HedgeDelay, "Fallback:HedgeDelay must be positive in hedged mode.");
        }

        timeProvider ??= TimeProvider.System;
        _primary = primary;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        // The instruments join the primary client's meter (the app's IMeterFactory); a client of another kind gets one of its own.
        var meter = (primary as S3ServiceClient)?.Metrics.Meter ?? (_ownedMeter = new System.Diagnostics.Metrics.Meter(S3Diagnostics.SourceName, S3Diagnostics.Version));
        _metrics = new FallbackMetrics(meter);
        _router = new ReadRouter(endpoints, options, timeProvider, _logger, _metrics);
        _cache = options.Cache.IsEnabled ? new LastKnownGoodCache(options.Cache, timeProvider, _logger, _metrics) : null;
        _owned = ownsClients ? [.. endpoints.Select(e => e.Value)] : [];
        _transfers = new S3TransferManager(this, (primary as S3ServiceClient)?.TransferDefaults);
    }

    /// <summary>The names of the endpoints in the order reads try them: <c>primary</c> first.</summary>
    public IReadOnlyList<string> EndpointNames => [.. Enumerable.Range(0, _router.Count).Select(_router.NameOf)];

    /// <summary>Disposes the endpoint clients when this client owns them.</summary>
    public void Dispose()
    {
        foreach (var client in _owned)
        {
            (client as IDisposable)?.Dispose();
        }

        _ownedMeter?.Dispose();
    }

    /// <summary>Returns the endpoint names and mode; never credentials.</summary>
    /// <returns>A description of the client.</returns>
    public override string ToString() =>
        $"S3FailoverClient {{ Endpoints = [{string.Join(", ", EndpointNames)}], Mode = {_options.Mode}, Cache = {(_cache is null ? "off" : "on")} }}";

    /// <summary>
    /// Runs a read through the router inside an activity that records the source, and logs reads served elsewhere than
    /// the primary.
    /// </summary>
    private async Task<(T Value, S3ReadSource Source)> ReadAsync<T>(
        string operation, string? bucket, Func<IS3Client, string, CancellationToken, Task<T>> read, bool hedge, CancellationToken cancellationToken,
        Action<T>? release = null, Func<FallbackExhaustedException, (T, S3ReadSource)?>? whenExhausted = null)
    {
        using var activity = S3Diagnostics.ActivitySource.StartActivity(string.Concat("S3.Fallback.", operation), ActivityKind.Internal);
        activity?.SetTag("rpc.method", operation);
        activity?.SetTag("aws.s3.bucket", bucket);
        (T Value, S3ReadSource Source) outcome;
        try
        {
            var (value, index) = await _router.ReadAsync(operation, read, release, hedge, cancellationToken).ConfigureAwait(false);
            outcome = (value, _router.SourceOf(index));
        }
        catch (FallbackExhaustedException e)
        {
            if (whenExhausted?.Invoke(e) is not { } served)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ReadRouter.Describe(e.Primary));
                e.ThrowPrimary();
                throw;
            }

            outcome = served;
        }

        activity?.SetTag("s3client.read.source", outcome.Source.Name);
        _metrics.Read(operation, outcome.Source.Name);
        if (outcome.Source.Kind != S3ReadSourceKind.Primary)
        {
            Log.ServedBy(_logger, operation, bucket ?? "(none)", outcome.Source.Name);
        }

        return outcome;
    }
}
