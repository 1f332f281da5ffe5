using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace S3Client.Samples.Cli;

/// <summary>
/// OpenTelemetry to the console, off unless <c>OpenTelemetry:Console</c> is true (or <c>OpenTelemetry__Console=true</c>
/// in the environment): spans <c>S3.{Operation}</c> around each S3 call with the HTTP attempts beneath them, and the
/// <c>s3client.*</c> metrics, printed when the command ends.
/// </summary>
internal static class SampleTelemetry
{
    public const string SwitchKey = "OpenTelemetry:Console";

    public static IServiceCollection AddSampleTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>(SwitchKey))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("s3cli"))
            .WithTracing(tracing => tracing
                .AddSource(S3Diagnostics.SourceName)
                .AddHttpClientInstrumentation()
                .AddConsoleExporter())
            .WithMetrics(metrics => metrics
                .AddMeter(S3Diagnostics.SourceName)
                .AddConsoleExporter());
        return services;
    }
}
