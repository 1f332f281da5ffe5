using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.ServiceDiscovery;
using Polly;
using S3Client.DependencyInjection.Internal;
using S3Client.Pipeline.Internal;
using S3Client.ServiceDiscovery;

namespace S3Client.Resilience.Internal;

/// <summary>
/// One client's pipeline, built the same way with or without a container: its runtime (signer, meter, clock,
/// loggers) and its resilience pipeline, rebuilt when the options reload, and the S3 handlers over them
/// (<see cref="S3HandlerChain"/>). Lives as long as the client, across IHttpClientFactory's handler rotations, so the
/// circuit breaker's state and the learnt clock offset survive them.
/// </summary>
internal sealed class S3ClientSetup : IDisposable
{
    private readonly S3ResilienceCustomization _customization;
    private readonly IServiceProvider? _services;
    private readonly S3CircuitState _circuit;
    private ResiliencePipeline<HttpResponseMessage> _resilience;

    public S3ClientSetup(
        S3ClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, IMeterFactory? meterFactory,
        S3ResilienceCustomization? customization = null, IServiceProvider? services = null)
    {
        Runtime = new S3ClientRuntime(options, timeProvider, loggerFactory, meterFactory);
        _customization = customization ?? new S3ResilienceCustomization();
        _services = services;
        _circuit = new S3CircuitState(Runtime.TimeProvider);
        _resilience = BuildResilience(options);
    }

    public S3ClientRuntime Runtime { get; }

    /// <summary>
    /// The S3 handlers for one HttpClient handler chain, outermost first, for IHttpClientFactory to link; with the
    /// app's service discovery when it has one, above signing so the signature covers the resolved host.
    /// </summary>
    public DelegatingHandler[] CreateHandlers(ServiceEndpointResolver? resolver = null) =>
        S3HandlerChain.CreateHandlers(Runtime, CreateResilienceHandler(), resolver is null ? null : new S3ServiceDiscoveryHandler(resolver));

    /// <summary>The S3 handlers linked over <paramref name="primary"/>; returns the outermost.</summary>
    public DelegatingHandler CreateChain(HttpMessageHandler primary) => S3HandlerChain.Create(Runtime, CreateResilienceHandler(), primary);

    /// <summary>Retry, circuit-breaker and timeout settings follow a configuration reload; endpoint and credentials do not.</summary>
    public void Reload(S3ClientOptions options)
    {
        Runtime.Timeouts = options.Timeouts;
        Volatile.Write(ref _resilience, BuildResilience(options));
    }

    public void Dispose() => Runtime.Dispose();

    private S3ResilienceHandler CreateResilienceHandler() => new(() => Volatile.Read(ref _resilience), _circuit);

    private ResiliencePipeline<HttpResponseMessage> BuildResilience(S3ClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = Runtime.TimeProvider };
        if (!_customization.ReplaceDefaults)
        {
            S3ResiliencePipeline.Configure(builder, options, Runtime.LoggerFactory.CreateLogger(typeof(S3ResiliencePipeline)), _circuit);
        }

        foreach (var configure in _customization.Configure)
        {
            configure(builder, _services ?? EmptyServiceProvider.Instance);
        }

        return builder.Build();
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static readonly EmptyServiceProvider Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
