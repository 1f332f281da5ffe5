using System.Net;
using S3Client.Errors.Internal;

namespace S3Client.Pipeline.Internal;

/// <summary>
/// The body of an answer that the attempt read whole (a small result or an error document), with what the attempt
/// concluded about it: read and classified once, then read by retry, error mapping and the exception factory alike.
/// </summary>
internal sealed class S3AnswerContent : ByteArrayContent
{
    private readonly ArraySegment<byte> _body;

    public S3AnswerContent(ArraySegment<byte> body, S3ErrorBody? error, HttpStatusCode? errorStatus)
        : base(body.Array ?? [], body.Offset, body.Count)
    {
        _body = body;
        Error = error;
        ErrorStatus = errorStatus;
    }

    /// <summary>The bytes read.</summary>
    public ArraySegment<byte> Body => _body;

    /// <summary>The parsed <c>&lt;Error&gt;</c> document, when the body is one.</summary>
    public S3ErrorBody? Error { get; }

    /// <summary>
    /// The status this answer fails with, or null when it succeeded: the answer's own status for a non-2xx answer, and
    /// the status the error code implies for a 200 whose body is an <c>&lt;Error&gt;</c>.
    /// </summary>
    public HttpStatusCode? ErrorStatus { get; }
}
