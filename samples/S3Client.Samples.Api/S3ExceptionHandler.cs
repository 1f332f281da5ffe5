using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Polly;

namespace S3Client.Samples.Api;

/// <summary>
/// Turns failures into problem details (RFC 9457): a missing key or bucket is 404, an argument S3 would refuse (an
/// empty key, an expiry beyond 7 days) is 400, any other S3 error answer is 502 with its error code and request id,
/// which is what the operator of the S3 service asks for, and a service that cannot be reached (network failure,
/// timeout, open circuit, after the client's retries) is 503.
/// </summary>
internal sealed class S3ExceptionHandler(IProblemDetailsService problemDetails, ILogger<S3ExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            S3NotFoundException => (StatusCodes.Status404NotFound, "Not found"),
            S3Exception => (StatusCodes.Status502BadGateway, "The storage service refused the request"),
            ArgumentException => (StatusCodes.Status400BadRequest, "Invalid request"),
            BadHttpRequestException bad => (bad.StatusCode, "Invalid request"),
            HttpRequestException or TimeoutException or ExecutionRejectedException => (StatusCodes.Status503ServiceUnavailable, "The storage service cannot be reached"),
            _ => (0, null),
        };
        if (status == 0)
        {
            return false;
        }

        // S3Client's messages name the operation, bucket and key, never credentials; other messages may name internal hosts.
        var detail = exception is S3Exception or ArgumentException ? exception.Message : null;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (exception is S3Exception s3)
        {
            problem.Extensions["errorCode"] = s3.ErrorCode;
            problem.Extensions["requestId"] = s3.RequestId;
            if (status != StatusCodes.Status404NotFound)
            {
                Log.S3Failed(logger, s3.Operation, s3.BucketName, s3.Key, (int)s3.StatusCode, s3.ErrorCode, s3.RequestId, s3);
            }
        }
        else if (status == StatusCodes.Status503ServiceUnavailable)
        {
            Log.S3Unreachable(logger, exception);
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
