using System.Security;
using System.Text;
using S3Client.FaultInjection.Internal;

namespace S3Client.FaultInjection;

/// <summary>
/// What the proxy does with a request a <see cref="FaultRule"/> matched: pass it through, answer it itself, or break
/// the connection at a chosen point. Byte counts of bodies are counted as sent on the wire (for a chunked body that
/// includes its chunk framing); a count at or past the end of a body lets the whole body through first.
/// </summary>
public sealed class FaultAction
{
    private readonly string _description;

    private FaultAction(FaultKind kind, bool forwardsRequest, string description)
    {
        Kind = kind;
        ForwardsRequest = forwardsRequest;
        _description = description;
    }

    /// <summary>Relays the exchange unchanged. A rule with this action lets requests through, counted, before later rules.</summary>
    public static FaultAction PassThrough { get; } = new(FaultKind.PassThrough, forwardsRequest: true, "PassThrough");

    internal FaultKind Kind { get; }

    internal bool ForwardsRequest { get; }

    internal long ByteCount { get; private init; }

    internal Task? Release { get; private init; }

    internal int StatusCode { get; private init; }

    internal byte[] Body { get; private init; } = [];

    internal IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; private init; } = [];

    /// <summary>
    /// Answers with <paramref name="statusCode"/>, <paramref name="body"/> (UTF-8) and <paramref name="headers"/> without
    /// contacting the target. The request body is read (and recorded) first. Content-Length and Connection are set by the proxy.
    /// </summary>
    public static FaultAction Respond(int statusCode, string body, params (string Name, string Value)[] headers) =>
        CreateResponse(statusCode, body, headers, forwardFirst: false);

    /// <summary>
    /// Forwards the request and waits for the target's whole response, then discards it and answers like
    /// <see cref="Respond"/>: the target did the work, the client sees a failure (a 200 with an error body, for one).
    /// </summary>
    public static FaultAction ForwardThenRespond(int statusCode, string body, params (string Name, string Value)[] headers) =>
        CreateResponse(statusCode, body, headers, forwardFirst: true);

    /// <summary>
    /// Answers with an S3 error document (<c>&lt;Error&gt;&lt;Code&gt;SlowDown&lt;/Code&gt;...</c>, <c>application/xml</c>),
    /// such as <c>S3Error(503, "SlowDown")</c>, or <c>S3Error(200, "InternalError", forwardFirst: true)</c> for a
    /// CompleteMultipartUpload that failed after its 200.
    /// </summary>
    public static FaultAction S3Error(int statusCode, string code, string? message = null, bool forwardFirst = false)
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + $"<Error><Code>{SecurityElement.Escape(code)}</Code><Message>{SecurityElement.Escape(message ?? "Injected by the fault proxy.")}</Message>"
            + "<RequestId>fault-proxy</RequestId></Error>";
        return CreateResponse(statusCode, xml, [("Content-Type", "application/xml"), ("x-amz-request-id", "fault-proxy")], forwardFirst)
            .Describe($"{(forwardFirst ? "ForwardThenS3Error" : "S3Error")}({statusCode}, {code})");
    }

    /// <summary>
    /// Resets the client connection (TCP RST) once the request body has been read, before any byte of a response.
    /// When <paramref name="forwardRequest"/> is true the target gets the request and answers it in full first, so the
    /// operation happened although the client cannot know.
    /// </summary>
    public static FaultAction ResetBeforeResponse(bool forwardRequest = true) =>
        new(FaultKind.ResetBeforeResponse, forwardRequest, $"ResetBeforeResponse(forwardRequest: {forwardRequest})");

    /// <summary>
    /// Forwards the request head and the first <paramref name="bytes"/> bytes of its body, then resets both the client
    /// and the target connection: an upload that breaks off in the middle.
    /// </summary>
    public static FaultAction ResetAfterRequestBytes(long bytes) =>
        new(FaultKind.ResetAfterRequestBytes, forwardsRequest: true, $"ResetAfterRequestBytes({bytes})") { ByteCount = NotNegative(bytes) };

    /// <summary>Relays the response head and the first <paramref name="bytes"/> bytes of its body, then resets the client connection.</summary>
    public static FaultAction ResetAfterResponseBytes(long bytes) =>
        new(FaultKind.ResetAfterResponseBytes, forwardsRequest: true, $"ResetAfterResponseBytes({bytes})") { ByteCount = NotNegative(bytes) };

    /// <summary>
    /// Relays the response head and the first <paramref name="bytes"/> bytes of its body, then closes the client
    /// connection gracefully (FIN): the body ends before its Content-Length.
    /// </summary>
    public static FaultAction TruncateResponseAfter(long bytes) =>
        new(FaultKind.TruncateResponse, forwardsRequest: true, $"TruncateResponseAfter({bytes})") { ByteCount = NotNegative(bytes) };

    /// <summary>
    /// Relays the response head and the first <paramref name="afterBytes"/> bytes of its body, then sends nothing
    /// until <paramref name="until"/> completes (or the proxy is disposed), and then the rest.
    /// </summary>
    public static FaultAction StallResponse(long afterBytes, Task until)
    {
        ArgumentNullException.ThrowIfNull(until);
        return new(FaultKind.StallResponse, forwardsRequest: true, $"StallResponse({afterBytes})") { ByteCount = NotNegative(afterBytes), Release = until };
    }

    /// <summary>
    /// Forwards the request, then holds the target's response for <paramref name="delay"/> before relaying any of it: a
    /// slow answer (the client sees no headers until then), as a loaded or distant service gives.
    /// </summary>
    public static FaultAction DelayResponse(TimeSpan delay) =>
        new(FaultKind.DelayResponse, forwardsRequest: true, $"DelayResponse({delay.TotalMilliseconds} ms)") { Delay = delay > TimeSpan.Zero ? delay : throw new ArgumentOutOfRangeException(nameof(delay)) };

    internal TimeSpan Delay { get; private init; }

    /// <summary>A short description, such as <c>ResetAfterResponseBytes(1024)</c>.</summary>
    public override string ToString() => _description;

    private static FaultAction CreateResponse(int statusCode, string body, (string Name, string Value)[] headers, bool forwardFirst)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 999);
        ArgumentNullException.ThrowIfNull(body);
        var name = forwardFirst ? "ForwardThenRespond" : "Respond";
        return new(FaultKind.Respond, forwardFirst, $"{name}({statusCode})")
        {
            StatusCode = statusCode,
            Body = Encoding.UTF8.GetBytes(body),
            ResponseHeaders = headers.Select(header => new KeyValuePair<string, string>(header.Name, header.Value)).ToArray(),
        };
    }

    private FaultAction Describe(string description) => new(Kind, ForwardsRequest, description)
    {
        StatusCode = StatusCode,
        Body = Body,
        ResponseHeaders = ResponseHeaders,
    };

    private static long NotNegative(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        return bytes;
    }
}
