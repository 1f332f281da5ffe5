using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace S3Client.Samples.Cli;

/// <summary>
/// What a command runs with: the client registered with <c>AddS3Client</c> exactly as in an app (options from the
/// optional appsettings.json next to the program, then environment variables such as <c>S3__ServiceUrl</c>), logs on
/// stderr, and OpenTelemetry when switched on. Disposing it flushes logs, traces and metrics.
/// </summary>
internal sealed class CliHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CliHost(ServiceProvider services, TextWriter output)
    {
        _services = services;
        Out = output;
        S3 = services.GetRequiredService<IS3Client>();
        TransferDefaults = services.GetRequiredService<IOptions<S3ClientOptions>>().Value.Transfer;
    }

    public IS3Client S3 { get; }

    /// <summary>Standard output, for the command's results; logs and telemetry never go there.</summary>
    public TextWriter Out { get; }

    /// <summary>The client's transfer settings ("S3:Transfer"); clone before changing.</summary>
    public TransferOptions TransferDefaults { get; }

    public TimeProvider Time => _services.GetRequiredService<TimeProvider>();

    /// <summary>Builds the services; the options are validated when the client is resolved.</summary>
    /// <exception cref="OptionsValidationException">A setting is invalid; the messages name it.</exception>
    public static CliHost Create()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        }));
        // stdout carries the command's output (listings, URLs, object bytes); every log line goes to stderr.
        services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddS3Client(configuration.GetSection("S3"));
        services.AddSampleTelemetry(configuration);
        var output = Console.Out;
        if (configuration.GetValue<bool>(SampleTelemetry.SwitchKey))
        {
            // The console exporter writes to Console.Out; send it to stderr so that stdout carries only data.
            Console.SetOut(Console.Error);
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            // No host starts the OpenTelemetry providers here: resolving them makes them listen.
            provider.GetService<TracerProvider>();
            provider.GetService<MeterProvider>();
            return new CliHost(provider, output);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
