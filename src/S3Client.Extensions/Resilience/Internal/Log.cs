using Microsoft.Extensions.Logging;

namespace S3Client.Resilience.Internal;

/// <summary>Resilience log events; ids continue the core library's numbering.</summary>
internal static partial class Log
{
    // Debug: the operation's own event (Warning, with the exception) says how it ended and after how many attempts.
    [LoggerMessage(101, LogLevel.Debug, "S3 {Operation} attempt {Attempt} follows in {DelayMs:0} ms after {Reason}")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, string reason, double delayMs);

    [LoggerMessage(102, LogLevel.Warning, "S3 {Operation} failed transiently ({Reason}) but is not retried: its body is a non-seekable stream that cannot be sent again")]
    public static partial void NotReplayable(ILogger logger, string operation, string reason);

    [LoggerMessage(103, LogLevel.Error, "S3 circuit opened for {BreakDurationMs:0} ms after repeated failures ({Reason}); calls fail fast until it closes")]
    public static partial void CircuitOpened(ILogger logger, double breakDurationMs, string reason);

    [LoggerMessage(104, LogLevel.Information, "S3 circuit closed; calls flow again")]
    public static partial void CircuitClosed(ILogger logger);
}
