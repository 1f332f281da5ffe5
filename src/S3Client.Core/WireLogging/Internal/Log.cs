using Microsoft.Extensions.Logging;

namespace S3Client.WireLogging.Internal;

/// <summary>HTTP wire log events (Diagnostics:LogHttp); ids 401-409.</summary>
internal static partial class Log
{
    [LoggerMessage(401, LogLevel.Trace, "S3 HTTP request {Method} {Url}{Headers}")]
    public static partial void Request(ILogger logger, string method, string url, string headers);

    [LoggerMessage(402, LogLevel.Trace, "S3 HTTP response {StatusCode} to {Method} {Url}{Headers}")]
    public static partial void Response(ILogger logger, int statusCode, string method, string url, string headers);

    [LoggerMessage(403, LogLevel.Warning, "S3 {Method} {Url} was refused with SignatureDoesNotMatch:{Report}")]
    public static partial void SignatureMismatch(ILogger logger, string method, string url, string report);
}
