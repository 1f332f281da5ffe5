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
            if (context is { IncludeKeyInDiagnostics: true, ObjectKey: { } key })
            {
                activity.SetTag("aws.s3.key", key);
            }
        }

        using var scope = Scope(_logger, operation, context?.BucketName);
        Log.OperationStarted(_logger, operation, context?.BucketName, context?.DiagnosticKey);
        var started = _timeProvider.GetTimestamp();
        var method = new KeyValuePair<string, object?>("rpc.method", operation);
        string? errorType = null;
        int? status = null;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var elapsed = _timeProvider.GetElapsedTime(started).TotalMilliseconds;
            status = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            activity?.SetTag("aws.request_id", RequestId(response));
            if (context is not { StreamsBody: true } && response.Content.Headers.ContentLength is > 0 and var received)
            {
                S3Diagnostics.BytesReceived.Add(received, method);
            }

            Log.OperationSucceeded(_logger, operation, context?.BucketName, context?.DiagnosticKey, status.Value, elapsed, context?.AttemptCount ?? 1);
            return response;
        }
        catch (S3NotFoundException) when (context is { NotFoundIsExpected: true })
        {
            status = 404;
            activity?.SetTag("http.response.status_code", 404);
            Log.OperationNotFound(_logger, operation, context.BucketName, context.DiagnosticKey, _timeProvider.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (S3Exception e)
        {
            status = (int)e.StatusCode;
            errorType = e.ErrorCode ?? status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var elapsed = _timeProvider.GetElapsedTime(started).TotalMilliseconds;
            activity?.SetTag("http.response.status_code", (int)e.StatusCode);
            activity?.SetTag("aws.request_id", e.RequestId);
            activity?.SetTag("error.type", errorType);
            activity?.SetStatus(ActivityStatusCode.Error, e.ErrorCode);
            Log.OperationFailed(_logger, operation, context?.BucketName, context?.DiagnosticKey, (int)e.StatusCode, e.ErrorCode, e.RequestId, elapsed, context?.AttemptCount ?? 1, e);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            errorType = "cancelled";
            activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            Log.OperationCancelled(_logger, operation, context?.BucketName, context?.DiagnosticKey, _timeProvider.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (Exception e)
        {
            errorType = e.GetType().FullName;
            activity?.SetTag("error.type", errorType);
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            Log.OperationFaulted(_logger, operation, context?.BucketName, context?.DiagnosticKey, _timeProvider.GetElapsedTime(started).TotalMilliseconds, context?.AttemptCount ?? 1, e);
            throw;
        }
        finally
        {
            Record(method, context, status, errorType, _timeProvider.GetElapsedTime(started));
        }
    }

    private static void Record(KeyValuePair<string, object?> method, S3RequestContext? context, int? status, string? errorType, TimeSpan elapsed)
    {
        if (!S3Diagnostics.IsObserved)
        {
            return;
        }

        var tags = new TagList { method };
        if (status is { } code)
        {
            tags.Add("http.response.status_code", code);
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
            S3Diagnostics.Errors.Add(1, method, new KeyValuePair<string, object?>("error.type", errorType));
        }

        S3Diagnostics.OperationDuration.Record(elapsed.TotalSeconds, tags);
        if (context is not null)
        {
            if (context.AttemptCount > 1)
            {
                S3Diagnostics.Retries.Add(context.AttemptCount - 1, method);
            }

            if (context.Payload is { Length: > 0 } payload)
            {
                S3Diagnostics.BytesSent.Add(payload.Length, method);
            }
        }
    }

    private static string? RequestId(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("x-amz-request-id", out var values) ? values.ToString() : null;
}
