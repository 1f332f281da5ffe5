using System.Text;

namespace S3Client.FaultInjection.Tests.TestSupport;

/// <summary>What the test origin answers; the origin adds the framing header itself.</summary>
public sealed record OriginResponse(int StatusCode, byte[] Body, BodyFraming Framing = BodyFraming.ContentLength)
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public static OriginResponse Ok(byte[] body) => new(200, body);

    public static OriginResponse Text(string body, int statusCode = 200) => new(statusCode, Encoding.UTF8.GetBytes(body));
}
