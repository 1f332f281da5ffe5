using System.Net;
using System.Text;

namespace S3Client.Testing.Tests.Bulk;

/// <summary>Items, options and exceptions the bulk tests share.</summary>
internal static class BulkTestData
{
    /// <summary>Options with no retry wait, so transient failures are tried again at once.</summary>
    public static BulkOptions NoWait(int concurrency = 8) => new() { MaxConcurrency = concurrency, RetryBaseDelay = TimeSpan.Zero };

    public static BulkUploadItem Text(string key, string text) =>
        BulkUploadItem.FromStream(key, _ => ValueTask.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(text))));

    public static IAsyncEnumerable<BulkUploadItem> Texts(int count, string prefix = "k") =>
        Enumerable.Range(0, count).Select(i => Text($"{prefix}{i:D5}", $"body {i}")).ToAsyncEnumerable();

    public static S3AccessDeniedException Denied(string key) => new($"PutObject failed for key '{key}': 403 AccessDenied.", HttpStatusCode.Forbidden);

    public static S3ServerException Unavailable() => new("PutObject failed: 503 SlowDown.", HttpStatusCode.ServiceUnavailable);

    /// <summary>The key argument of an object call (bucket first, key second), or null.</summary>
    public static string? KeyOf(object?[] args) => args.Length > 1 ? args[1] as string : null;
}
