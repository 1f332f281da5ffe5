namespace S3Client.FaultInjection.Tests.TestSupport;

/// <summary>A request as it reached the test origin: head fields as sent, and the body bytes that arrived.</summary>
public sealed record OriginRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, bool BodyComplete)
{
    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
}
