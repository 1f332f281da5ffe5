using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using S3Client.Samples.Worker;

// A worker-service app that uses S3Client the way a real service would: options from appsettings.json (overridden
// by environment variables such as S3__ServiceUrl), the client from dependency injection, structured logs.
// It runs one round trip against the configured S3 service and exits: 0 when every check passed, 1 when a step
// failed, 2 when the settings are invalid.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    // appsettings.json is copied next to the binary; read it from there, whatever the current folder is.
    ContentRootPath = AppContext.BaseDirectory,
});

// Plain lines by default, ending with a one-line summary; "Logging:Console:FormatterName" = "json" (for example
// --Logging:Console:FormatterName=json) gives one JSON object per line for a log shipper. Levels per category come from
// "Logging" in appsettings.json: --Logging:LogLevel:S3Client=Debug adds one event per S3 operation.
builder.Logging.ClearProviders();
builder.Logging.AddConsole();
builder.Services.Configure<SimpleConsoleFormatterOptions>(options =>
{
    options.SingleLine = true;
    options.TimestampFormat = "HH:mm:ss ";
});
builder.Services.Configure<JsonConsoleFormatterOptions>(options =>
{
    options.IncludeScopes = true;
    options.UseUtcTimestamp = true;
    options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
});

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddS3Client(builder.Configuration.GetSection("S3"));
builder.Services.AddOptions<SampleOptions>()
    .Bind(builder.Configuration.GetSection(SampleOptions.SectionName))
    .Validate(o => o.IsValid(), SampleOptions.ValidationMessage)
    .ValidateOnStart();
builder.Services.AddSingleton<BucketRoundTrip>();
builder.Services.AddHostedService<RoundTripWorker>();
builder.Services.AddSampleTelemetry(builder.Configuration);

using var host = builder.Build();
// Resolved up front: RunAsync disposes the host's services when it ends, also when it fails to start.
var logger = host.Services.GetRequiredService<ILogger<RoundTripWorker>>();
try
{
    await host.RunAsync();
}
catch (Exception e) when (ConfigurationFailures(e) is { Length: > 0 } failures)
{
    // Options are validated at start, before anything is sent; the messages name the setting to fix.
    Log.InvalidConfiguration(logger, string.Join(" ", failures));
    Environment.ExitCode = 2;
}

// No return statement: the exit code is Environment.ExitCode, which the worker sets.

// Several invalid sections arrive together as an AggregateException.
static string[] ConfigurationFailures(Exception e) => e switch
{
    OptionsValidationException validation => [.. validation.Failures],
    AggregateException aggregate => [.. aggregate.InnerExceptions.OfType<OptionsValidationException>().SelectMany(v => v.Failures)],
    _ => [],
};
