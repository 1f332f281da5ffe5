using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Diagnostics.Metrics;
using Polly;
using S3Client;
using S3Client.DependencyInjection.Internal;
using Microsoft.Extensions.ServiceDiscovery;
using S3Client.Fallback.Internal;
using S3Client.Options.Internal;
using S3Client.Resilience.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="IS3Client"/> on a named <see cref="System.Net.Http.HttpClient"/> with the S3 handler pipeline:
/// the default client (<c>IS3Client</c>) and named clients (keyed services, <see cref="IS3ClientFactory"/>), each with
/// its own options, HttpClient and resilience pipeline. The app's default HttpClient is never touched.
/// </summary>
public static class S3ClientServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="System.Net.Http.HttpClient"/> behind the default client; named clients use <c>S3Client:{name}</c>.</summary>
    public const string HttpClientName = "S3Client";

    /// <summary>Registers the default <see cref="IS3Client"/> with options from configuration sources other code sets up.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder for further setup of the client's HTTP pipeline.</returns>
    public static IS3ClientBuilder AddS3Client(this IServiceCollection services) => AddS3ClientCore(services, Options.Options.DefaultName);

    /// <summary>Registers the default <see cref="IS3Client"/> configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder for further setup of the client's HTTP pipeline.</returns>
    public static IS3ClientBuilder AddS3Client(this IServiceCollection services, Action<S3ClientOptions> configure) =>
        AddS3Client(services, Options.Options.DefaultName, configure);

    /// <summary>Registers the default <see cref="IS3Client"/> bound to a configuration section, such as <c>"S3"</c>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section holding <see cref="S3ClientOptions"/> settings.</param>
    /// <returns>A builder for further setup of the client's HTTP pipeline.</returns>
    public static IS3ClientBuilder AddS3Client(this IServiceCollection services, IConfiguration section) =>
        AddS3Client(services, Options.Options.DefaultName, section);

    /// <summary>
    /// Registers a named client configured in code: resolve it with <c>[FromKeyedServices(name)] IS3Client</c> or
    /// <see cref="IS3ClientFactory.GetClient"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client name, such as <c>backups</c>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder for further setup of the client's HTTP pipeline.</returns>
    public static IS3ClientBuilder AddS3Client(this IServiceCollection services, string name, Action<S3ClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = AddS3ClientCore(services, name);
        services.Configure(name, configure);
        S3FallbackRegistration.AddEndpoints(services, name, S3FallbackRegistration.CountEndpoints(configure), AddEndpointClient);
        return builder;
    }

    /// <summary>
    /// Registers a named client bound to its own configuration section, such as <c>"S3:Clients:backups"</c>: resolve it
    /// with <c>[FromKeyedServices(name)] IS3Client</c> or <see cref="IS3ClientFactory.GetClient"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client name, such as <c>backups</c>.</param>
    /// <param name="section">The section holding this client's <see cref="S3ClientOptions"/> settings.</param>
    /// <returns>A builder for further setup of the client's HTTP pipeline.</returns>
    public static IS3ClientBuilder AddS3Client(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(section);
        var builder = AddS3ClientCore(services, name);
        S3ConfigurationChecks.AddForSection(services, name, section);
        services.AddOptions<S3ClientOptions>(name).Bind(section);
        S3FallbackRegistration.AddEndpoints(services, name, S3FallbackRegistration.CountEndpoints(section), AddEndpointClient);
        return builder;
    }

    /// <summary>
    /// Adds strategies to the client's resilience pipeline after the S3 ones (or instead of them with
    /// <paramref name="replaceDefaults"/>), such as a rate limiter or a hedging strategy.
    /// </summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="configure">Adds strategies; the service provider resolves what they need.</param>
    /// <param name="replaceDefaults">Whether to drop the S3 strategies (retry, circuit breaker, timeouts) first.</param>
    /// <returns>The same builder.</returns>
    public static IS3ClientBuilder ConfigureResilience(
        this IS3ClientBuilder builder, Action<ResiliencePipelineBuilder<HttpResponseMessage>, IServiceProvider> configure, bool replaceDefaults = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure<S3ResilienceCustomization>(builder.Name, customization =>
        {
            customization.ReplaceDefaults |= replaceDefaults;
            customization.Configure.Add(configure);
        });
        return builder;
    }

    private static S3ClientBuilder AddS3ClientCore(IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptionsWithValidateOnStart<S3ClientOptions>(name);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<S3ClientOptions>, S3ClientOptionsValidator>());
        S3ConfigurationChecks.AddForClient(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<S3ClientOptions>, S3FallbackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IS3ClientFactory, S3ClientFactory>();

        var httpClientName = HttpClientNameOf(name);
        if (services.Any(d => d.ServiceType == typeof(S3ClientRegistration) && Equals(d.ServiceKey, name)))
        {
            // Registered before: more configuration for the same client, not a second pipeline.
            return new S3ClientBuilder(name, services, services.AddHttpClient(httpClientName));
        }

        services.AddKeyedSingleton(name, new S3ClientRegistration());
        services.AddKeyedSingleton(name, (sp, _) => CreateSetup(sp, name));
        var http = services.AddHttpClient(httpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The factory's own loggers would record request headers, Authorization included, at Trace level.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(S3ClientPipeline.CreatePrimaryHandler)
            // The chain is built by the same code as S3ClientPipeline's; handlers added through the builder go below it.
            .ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
            {
                foreach (var handler in sp.GetRequiredKeyedService<S3ClientSetup>(name).CreateHandlers(sp.GetService<ServiceEndpointResolver>()))
                {
                    handlers.Add(handler);
                }
            });

        services.AddKeyedSingleton(name, (sp, _) => CreateClient(sp, name));
        if (string.IsNullOrEmpty(name))
        {
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<IS3Client>(Options.Options.DefaultName));
        }

        return new S3ClientBuilder(name, services, http);
    }

    private static S3ClientSetup CreateSetup(IServiceProvider services, string name)
    {
        var monitor = services.GetRequiredService<IOptionsMonitor<S3ClientOptions>>();
        var setup = new S3ClientSetup(
            monitor.Get(name),
            services.GetService<ILoggerFactory>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetService<IMeterFactory>(),
            services.GetRequiredService<IOptionsMonitor<S3ResilienceCustomization>>().Get(name),
            services);
        // Retry, circuit-breaker and timeout settings follow configuration reloads; the endpoint and credentials do not.
        // A fallback endpoint's client takes them from its client's options, so it follows that client's reloads.
        var isEndpoint = FallbackEndpointOptions.TryParseClientName(name, out var parent, out var endpoint);
        var follows = isEndpoint ? parent : name;
        monitor.OnChange((options, changed) =>
        {
            if (string.Equals(changed ?? Options.Options.DefaultName, follows, StringComparison.Ordinal))
            {
                setup.Reload(isEndpoint ? FallbackEndpointOptions.Derive(options, endpoint) : options);
            }
        });
        return setup;
    }

    internal static string HttpClientNameOf(string name) => string.IsNullOrEmpty(name) ? HttpClientName : $"{HttpClientName}:{name}";

    private static void AddEndpointClient(IServiceCollection services, string name) => AddS3ClientCore(services, name);

    // The client of this name, behind the failover composite when its options name fallback endpoints.
    private static IS3Client CreateClient(IServiceProvider services, string name)
    {
        var runtime = services.GetRequiredKeyedService<S3ClientSetup>(name).Runtime;
        var primary = new S3ServiceClient(
            services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientNameOf(name)), runtime, ownsHttpClient: false);
        return S3FallbackRegistration.Compose(services, name, primary, runtime.Options);
    }
}
