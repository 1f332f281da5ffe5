using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using S3Client;
using S3Client.Options.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IS3Client"/> on a named <see cref="System.Net.Http.HttpClient"/> with the S3 handler pipeline.</summary>
public static class S3ClientServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="System.Net.Http.HttpClient"/> behind the default client.</summary>
    public const string HttpClientName = "S3Client";

    /// <summary>Registers the default <see cref="IS3Client"/> configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder for further setup of the client's HTTP pipeline.</returns>
    public static IS3ClientBuilder AddS3Client(this IServiceCollection services, Action<S3ClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = AddS3ClientCore(services, Options.Options.DefaultName);
        services.Configure(Options.Options.DefaultName, configure);
        return builder;
    }

    /// <summary>Registers the default <see cref="IS3Client"/> bound to a configuration section, such as <c>"S3"</c>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section holding <see cref="S3ClientOptions"/> settings.</param>
    /// <returns>A builder for further setup of the client's HTTP pipeline.</returns>
    public static IS3ClientBuilder AddS3Client(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var builder = AddS3ClientCore(services, Options.Options.DefaultName);
        services.AddOptions<S3ClientOptions>(Options.Options.DefaultName).Bind(section);
        return builder;
    }

    private static S3ClientBuilder AddS3ClientCore(IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptionsWithValidateOnStart<S3ClientOptions>(name);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<S3ClientOptions>, S3ClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        var httpClientName = string.IsNullOrEmpty(name) ? HttpClientName : $"{HttpClientName}:{name}";
        var http = services.AddHttpClient(httpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The factory's own loggers would record request headers, Authorization included, at Trace level.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(S3ClientPipeline.CreatePrimaryHandler)
            .AddHttpMessageHandler(sp => new S3DiagnosticsHandler(
                sp.GetService<ILogger<S3DiagnosticsHandler>>(), sp.GetRequiredService<TimeProvider>()))
            .AddHttpMessageHandler(sp => new S3ErrorHandler(Get(sp, name).MaxErrorResponseBytes));

        http.AddResilienceHandler("S3", (pipeline, context) =>
        {
            var options = context.GetOptions<S3ClientOptions>(name);
            pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
            var logger = context.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(typeof(S3ResiliencePipeline));
            S3ResiliencePipeline.Configure(pipeline, options, logger);
            pipeline.ConfigureTelemetry(S3ResiliencePipeline.QuietTelemetry(context.GetOptions<Polly.Telemetry.TelemetryOptions>()));
        });

        http.AddHttpMessageHandler(sp => new S3SigningHandler(Get(sp, name), sp.GetRequiredService<TimeProvider>()));

        services.TryAddSingleton<IS3Client>(sp => new S3ServiceClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName), Get(sp, name), sp.GetRequiredService<TimeProvider>()));
        return new S3ClientBuilder(name, services, http);
    }

    private static S3ClientOptions Get(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<S3ClientOptions>>().Get(name);
}
