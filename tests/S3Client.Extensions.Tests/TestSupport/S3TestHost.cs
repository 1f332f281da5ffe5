using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using S3Client.Core.Tests.TestSupport;

namespace S3Client.Extensions.Tests.TestSupport;

/// <summary>A service provider with <c>AddS3Client</c> over a stub socket handler, a fake clock and captured logs.</summary>
public sealed class S3TestHost : IDisposable
{
    public S3TestHost(StubHandler stub, Action<S3ClientOptions>? configure = null)
    {
        Stub = stub;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddS3Client(options =>
            {
                options.ServiceUrl = new Uri("http://127.0.0.1:9000");
                options.AccessKeyId = "AKIDEXAMPLE";
                options.SecretAccessKey = Secret;
                options.SessionToken = SessionToken;
                configure?.Invoke(options);
            })
            .HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => stub);
        Services = services.BuildServiceProvider(validateScopes: true);
    }

    public const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    public const string SessionToken = "SESSION-TOKEN-SECRET-VALUE";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public ListLoggerProvider Logs { get; } = new();

    public StubHandler Stub { get; }

    public ServiceProvider Services { get; }

    public IS3Client Client => Services.GetRequiredService<IS3Client>();

    public void Dispose() => Services.Dispose();
}

/// <summary>Collects the entries of every logger, structured state included.</summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly List<(string Category, LogEntry Entry)> _entries = [];

    public IReadOnlyList<(string Category, LogEntry Entry)> Entries
    {
        get
        {
            lock (_entries)
            {
                return _entries.ToList();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : state?.ToString();
            lock (owner._entries)
            {
                owner._entries.Add((category, new LogEntry(logLevel, eventId, formatter(state, exception), structured, exception)));
            }
        }
    }
}
