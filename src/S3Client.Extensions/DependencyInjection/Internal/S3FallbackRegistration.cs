using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using S3Client.Fallback.Internal;

namespace S3Client.DependencyInjection.Internal;

/// <summary>
/// Registers each fallback endpoint of a client as a client of its own, through the same registration as any named
/// client (its own HttpClient, handlers, signing, retries and circuit breaker), and puts the failover client in front.
/// </summary>
internal static class S3FallbackRegistration
{
    /// <summary>How many endpoints a configuration section declares.</summary>
    public static int CountEndpoints(IConfiguration section) =>
        section.GetSection($"{nameof(S3ClientOptions.Fallback)}:{nameof(S3FallbackOptions.Endpoints)}").GetChildren().Count();

    /// <summary>How many endpoints a configure action declares (the action runs once on a scratch instance).</summary>
    public static int CountEndpoints(Action<S3ClientOptions> configure)
    {
        var probe = new S3ClientOptions();
        configure(probe);
        return probe.Fallback?.Endpoints.Count ?? 0;
    }

    /// <summary>Registers endpoint clients <c>0..count-1</c> of <paramref name="name"/> with <paramref name="addClient"/>.</summary>
    public static void AddEndpoints(IServiceCollection services, string name, int count, Action<IServiceCollection, string> addClient)
    {
        for (var index = 0; index < count; index++)
        {
            var child = FallbackEndpointOptions.ClientName(name, index);
            if (services.Any(d => d.ServiceType == typeof(S3ClientRegistration) && Equals(d.ServiceKey, child)))
            {
                continue;
            }

            addClient(services, child);
            var endpoint = index;
            // The monitor is looked up when the options are built, not injected: it depends on this very configuration.
            services.AddOptions<S3ClientOptions>(child).Configure<IServiceProvider>((options, provider) =>
                FallbackEndpointOptions.CopyInto(options, provider.GetRequiredService<IOptionsMonitor<S3ClientOptions>>().Get(name), endpoint));
        }
    }

    /// <summary>
    /// The client to register for <paramref name="name"/>: the failover client over <paramref name="primary"/> and the
    /// endpoint clients when fallback is configured, else <paramref name="primary"/>.
    /// </summary>
    public static IS3Client Compose(IServiceProvider services, string name, S3ServiceClient primary, S3ClientOptions options)
    {
        if (!options.Fallback.IsEnabled)
        {
            return primary;
        }

        var loggers = services.GetService<ILoggerFactory>();
        var time = services.GetRequiredService<TimeProvider>();
        var fallbacks = new List<KeyValuePair<string, IS3Client>>();
        for (var index = 0; index < options.Fallback.Endpoints.Count; index++)
        {
            var child = FallbackEndpointOptions.ClientName(name, index);
            // Endpoints set up after registration (options configured elsewhere) get the same pipeline, built without the container.
            var client = services.GetKeyedService<S3ClientRegistration>(child) is not null
                ? services.GetRequiredKeyedService<IS3Client>(child)
                : S3ClientPipeline.CreateClient(FallbackEndpointOptions.Derive(options, index), loggers, time);
            fallbacks.Add(new(options.Fallback.Endpoints[index].Name, client));
        }

        return new S3FailoverClient(primary, fallbacks, options.Fallback, loggers?.CreateLogger<S3FailoverClient>(), time);
    }
}
