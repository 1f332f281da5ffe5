using System.Net;
using S3Client.Errors.Internal;

namespace S3Client.Testing.Internal;

/// <summary>
/// One call on the in-memory store and the error answers S3 gives it. Errors are built by the real client's exception
/// factory from the same operation, bucket, key and error body, so their types, codes and messages are the ones the
/// real client throws; a HEAD answer and a 304 carry no body, so their <see cref="S3Exception.ErrorCode"/> is null.
/// </summary>
internal sealed class FakeRequest(string operation, string? bucket, string? key = null, bool isHead = false)
{
    public S3Exception Error(HttpStatusCode status, string code, string message)
    {
        var body = isHead || status == HttpStatusCode.NotModified ? null : new S3ErrorBody(code, message, null, null, bucket, key, null);
        return S3ExceptionFactory.Create(status, body, headers: null, new S3RequestContext(operation, bucket, key), isHead);
    }

    public S3Exception NoSuchBucket() =>
        Error(HttpStatusCode.NotFound, "NoSuchBucket", "The specified bucket does not exist");

    public S3Exception NoSuchKey() =>
        Error(HttpStatusCode.NotFound, "NoSuchKey", "The specified key does not exist.");

    public S3Exception NoSuchVersion() =>
        Error(HttpStatusCode.NotFound, "NoSuchVersion", "The specified version does not exist.");

    public S3Exception NoSuchUpload() =>
        Error(HttpStatusCode.NotFound, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.");

    public S3Exception InvalidPart() =>
        Error(HttpStatusCode.BadRequest, "InvalidPart", "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.");

    public S3Exception MethodNotAllowed() =>
        Error(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed", "The specified method is not allowed against this resource.");

    public S3Exception PreconditionFailed() =>
        Error(HttpStatusCode.PreconditionFailed, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");

    public S3Exception NotModified() =>
        Error(HttpStatusCode.NotModified, "NotModified", "Not Modified");

    public S3Exception InvalidRange() =>
        Error(HttpStatusCode.RequestedRangeNotSatisfiable, "InvalidRange", "The requested range is not satisfiable");

    public S3Exception InvalidRequest(string message) =>
        Error(HttpStatusCode.BadRequest, "InvalidRequest", message);

    public S3Exception InvalidArgument(string message) =>
        Error(HttpStatusCode.BadRequest, "InvalidArgument", message);
}
