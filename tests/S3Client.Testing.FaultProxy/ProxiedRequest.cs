namespace S3Client.FaultInjection;

/// <summary>
/// A request the proxy received: its head, what arrived of its body, and the rule that fired for it. Recorded once
/// the body has been read (or broken off), before the client sees any response.
/// </summary>
public sealed class ProxiedRequest
{
    internal ProxiedRequest(RequestHead head, long bodyLength, string bodySha256, bool bodyComplete, FaultRule? rule)
    {
        Head = head;
        BodyLength = bodyLength;
        BodySha256 = bodySha256;
        BodyComplete = bodyComplete;
        Rule = rule;
    }

    /// <summary>The request line and header fields, as the client sent them.</summary>
    public RequestHead Head { get; }

    /// <summary>How many payload bytes of the body arrived (for a chunked body, the data without its framing).</summary>
    public long BodyLength { get; }

    /// <summary>Lower-case hex SHA-256 of the payload bytes that arrived.</summary>
    public string BodySha256 { get; }

    /// <summary>Whether the whole body arrived; false when a fault or the client broke it off.</summary>
    public bool BodyComplete { get; }

    /// <summary>The rule that fired for the request; <see langword="null"/> when it passed through without one.</summary>
    public FaultRule? Rule { get; }

    /// <summary>"METHOD path?query (N bytes) -> rule".</summary>
    public override string ToString() =>
        $"{Head} ({BodyLength} bytes{(BodyComplete ? "" : ", incomplete")}) -> {Rule?.ToString() ?? "passed through"}";
}
