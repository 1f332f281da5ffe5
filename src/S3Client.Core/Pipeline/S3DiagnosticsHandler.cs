using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using S3Client.Pipeline.Internal;

namespace S3Client;

/// <summary>
/// The outermost handler: one <see cref="Activity"/>, one log scope and start/finish log events per S3 operation,
/// around all its attempts. Records operation, bucket, key, status, error code and request id; never headers,
/// credentials or signatures.
/// </summary>
public sealed class S3DiagnosticsHandler : DelegatingHandler
{
    private static readonly Func<ILogger, string, string?, IDisposable?> Scope =
        LoggerMessage.DefineScope<string, string?>("S3 {Operation} {Bucket}");

    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the handler.</summary>
    /// <param name="logger">Where events go; none when null.</param>
    /// <param name="timeProvider">The clock for durations; <see cref="TimeProvider.System"/> when null.</param>
    public S3DiagnosticsHandler(ILogger<S3DiagnosticsHandler>? logger = null, TimeProvider? timeProvider = null)
    {
        _logger = logger ?? NullLogger<S3DiagnosticsHandler>.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = S3RequestContext.Get(request);
        var operation = context?.Operation ?? request.Method.Method;
        using var activity = S3Diagnostics.ActivitySource.StartActivity(string.Concat("S3.", operation), ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("rpc.system", "aws-api");
            activity.SetTag("rpc.service", "S3");
            activity.SetTag("rpc.method", operation);
            activity.SetTag("aws.s3.bucket", context?.BucketName);
        }

        using var scope = Scope(_logger, operation, context?.BucketName);
        Log.OperationStarted(_logger, operation, context?.BucketName, context?.ObjectKey);
        var started = _timeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var elapsed = _timeProvider.GetElapsedTime(started).TotalMilliseconds;
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            activity?.SetTag("aws.request_id", RequestId(response));
            Log.OperationSucceeded(_logger, operation, context?.BucketName, context?.ObjectKey, (int)response.StatusCode, elapsed, context?.AttemptCount ?? 1);
            return response;
        }
        catch (S3NotFoundException) when (context is { NotFoundIsExpected: true })
        {
            activity?.SetTag("http.response.status_code", 404);
            Log.OperationNotFound(_logger, operation, context.BucketName, context.ObjectKey, _timeProvider.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (S3Exception e)
        {
            var elapsed = _timeProvider.GetElapsedTime(started).TotalMilliseconds;
            activity?.SetTag("http.response.status_code", (int)e.StatusCode);
            activity?.SetTag("aws.request_id", e.RequestId);
            activity?.SetTag("error.type", e.ErrorCode ?? ((int)e.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            activity?.SetStatus(ActivityStatusCode.Error, e.ErrorCode);
            Log.OperationFailed(_logger, operation, context?.BucketName, context?.ObjectKey, e.StatusCode, e.ErrorCode, e.RequestId, elapsed, context?.AttemptCount ?? 1, e);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            Log.OperationCancelled(_logger, operation, context?.BucketName, context?.ObjectKey, _timeProvider.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (Exception e)
        {
            activity?.SetTag("error.type", e.GetType().FullName);
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            Log.OperationFaulted(_logger, operation, context?.BucketName, context?.ObjectKey, _timeProvider.GetElapsedTime(started).TotalMilliseconds, context?.AttemptCount ?? 1, e);
            throw;
        }
    }

    private static string? RequestId(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("x-amz-request-id", out var values) ? values.ToString() : null;
}
