using System.Net;
using S3Client.Errors.Internal;
using S3Client.Model.Internal;

namespace S3Client.Pipeline.Internal;

/// <summary>
/// Reads and classifies the answer of one attempt, once, inside the attempt: an error document within
/// <see cref="S3ClientOptions.MaxErrorResponseBytes"/>, a small result within <see cref="MaxResultBytes"/>, both under
/// the idle timeout; a 200 that hides an <c>&lt;Error&gt;</c> is found here. The outcome replaces the answer's
/// content (<see cref="S3AnswerContent"/>), where retry, error mapping and the exception factory read it.
/// </summary>
internal static class S3Answer
{
    /// <summary>The largest small result read (an upload id, a copy result, a tag set); larger ones are refused.</summary>
    public const int MaxResultBytes = 1024 * 1024;

    /// <summary>What the attempt concluded about <paramref name="response"/>, or null when it did not read it.</summary>
    public static S3AnswerContent? Of(HttpResponseMessage response) => response.Content as S3AnswerContent;

    /// <summary>
    /// The status <paramref name="response"/> fails with (a 200 hiding an error fails with the status its code implies),
    /// or null when it succeeded.
    /// </summary>
    public static HttpStatusCode? FailureStatus(HttpResponseMessage response) =>
        response.IsSuccessStatusCode ? Of(response)?.ErrorStatus : response.StatusCode;

    /// <summary>Reads what the operation needs of the answer and classifies it; no-op for answers read before.</summary>
    public static async ValueTask ReadAsync(HttpResponseMessage response, S3RequestContext? context, S3ClientRuntime? runtime, CancellationToken cancellationToken)
    {
        if (response.Content is S3AnswerContent)
        {
            return;
        }

        if (response.IsSuccessStatusCode)
        {
            var mode = context?.Answer ?? S3AnswerMode.Stream;
            if (mode is S3AnswerMode.Buffer or S3AnswerMode.BufferMayHideError)
            {
                var body = await ReadCappedAsync(response, MaxResultBytes, refuseLarger: true, context, runtime, cancellationToken).ConfigureAwait(false);
                var hidden = mode == S3AnswerMode.BufferMayHideError ? HiddenError(body) : null;
                Replace(response, new S3AnswerContent(body, hidden, hidden is null ? null : StatusOf(hidden.Code)));
            }

            return;
        }

        // 3xx (redirects are never followed), 4xx, 5xx. HEAD answers and 304 carry no body.
        ArraySegment<byte> bytes = default;
        S3ErrorBody? error = null;
        if (response.RequestMessage?.Method != HttpMethod.Head && response.StatusCode != HttpStatusCode.NotModified)
        {
            try
            {
                var cap = runtime?.Options.MaxErrorResponseBytes ?? S3ClientOptions.DefaultMaxErrorResponseBytes;
                bytes = await ReadCappedAsync(response, cap, refuseLarger: false, context, runtime, cancellationToken).ConfigureAwait(false);
                error = S3ErrorParser.TryParse(bytes);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or TimeoutException)
            {
                // The status alone still makes a useful error; a broken or stalled error body must not hide it.
            }
        }

        Replace(response, new S3AnswerContent(bytes, error, response.StatusCode));
    }

    // S3 sends the status first, then works, then reports; keep-alive whitespace may come before the <Error>.
    private static S3ErrorBody? HiddenError(ArraySegment<byte> body)
    {
        var trimmed = body.AsSpan().TrimStart(" \t\r\n"u8);
        if (trimmed.IndexOf("<Error"u8) < 0)
        {
            return null;
        }

        var start = body.Count - trimmed.Length;
        return S3ErrorParser.TryParse(body.Slice(start));
    }

    private static HttpStatusCode StatusOf(string? code) => code switch
    {
        "InternalError" => HttpStatusCode.InternalServerError,
        "SlowDown" or "ServiceUnavailable" => HttpStatusCode.ServiceUnavailable,
        _ => HttpStatusCode.BadRequest,
    };

    private static void Replace(HttpResponseMessage response, S3AnswerContent content)
    {
        var original = response.Content;
        response.Content = content;
        original?.Dispose();
    }

    private static async ValueTask<ArraySegment<byte>> ReadCappedAsync(
        HttpResponseMessage response, int cap, bool refuseLarger, S3RequestContext? context, S3ClientRuntime? runtime, CancellationToken cancellationToken)
    {
        var operation = context?.Operation ?? "S3 request";
        var declared = response.Content.Headers.ContentLength;
        if (declared > cap && refuseLarger)
        {
            throw new InvalidDataException(
                $"{operation} answered with a body of {declared} bytes; at most {cap} bytes are expected of it, so it was not read.");
        }

        if (declared == 0)
        {
            return ArraySegment<byte>.Empty;
        }

        var network = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var body = new S3ResponseStream(null, network, declared, runtime?.CreateIdleTimeout(), operation, runtime?.Metrics);
        await using (body.ConfigureAwait(false))
        {
            var buffer = new byte[(int)Math.Min(declared ?? 4096, cap)];
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total >= cap)
                    {
                        if (refuseLarger && await body.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) > 0)
                        {
                            throw new InvalidDataException($"{operation} answered with a body over {cap} bytes, more than it can need; it was not read.");
                        }

                        break;
                    }

                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, cap));
                }

                var read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return new ArraySegment<byte>(buffer, 0, total);
        }
    }
}
