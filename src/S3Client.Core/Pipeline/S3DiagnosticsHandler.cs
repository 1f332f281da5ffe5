using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using S3Client.Model.Internal;
using S3Client.Pipeline.Internal;

namespace S3Client;

/// <summary>
/// The outermost handler: one <see cref="Activity"/>, log events and measurements per S3 operation, around all its
/// attempts. One failure is one event, with its exception; values the operation does not have are left out. Records
/// operation, bucket, key, status, error code and request id; never headers, credentials or signatures.
/// </summary>
internal sealed class S3DiagnosticsHandler : DelegatingHandler
{
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly S3Metrics _metrics;

    public S3DiagnosticsHandler(S3ClientRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        _logger = runtime.LoggerFactory.CreateLogger<S3DiagnosticsHandler>();
        _timeProvider = runtime.TimeProvider;
        _metrics = runtime.Metrics;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = S3RequestContext.Get(request);
        var operation = context?.Operation ?? request.Method.Method;
        using var activity = StartActivity(operation, context);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.OperationStarted(_logger, operation, S3LogScope.Target(context));
        }

        var started = _timeProvider.GetTimestamp();
        string? errorType = null;
        int? status = null;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            if (activity is not null)
            {
                activity.SetTag("http.response.status_code", status);
                activity.SetTag("aws.request_id", RequestId(response));
            }

            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Log.OperationSucceeded(_logger, operation, S3LogScope.Target(context), status.Value, Elapsed(started), context?.AttemptCount ?? 1);
            }

            return response;
        }
        catch (S3NotFoundException) when (context is { NotFoundIsExpected: true })
        {
            status = 404;
            activity?.SetTag("http.response.status_code", 404);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Log.OperationNotFound(_logger, operation, S3LogScope.Target(context), Elapsed(started));
            }

            throw;
        }
        catch (S3Exception e)
        {
            status = (int)e.StatusCode;
            errorType = e.ErrorCode ?? status.Value.ToString(CultureInfo.InvariantCulture);
            if (activity is not null)
            {
                activity.SetTag("http.response.status_code", status);
                activity.SetTag("aws.request_id", e.RequestId);
                activity.SetTag("error.type", errorType);
                activity.SetStatus(ActivityStatusCode.Error, e.ErrorCode);
            }

            if (_logger.IsEnabled(LogLevel.Warning))
            {
                using var scope = context is null ? null : _logger.BeginScope(new S3LogScope(context));
                Log.OperationFailed(_logger, operation, S3LogScope.Target(context), status.Value, Describe(e), Elapsed(started), context?.AttemptCount ?? 1, e);
            }

            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            errorType = "cancelled";
            activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Log.OperationCancelled(_logger, operation, S3LogScope.Target(context), Elapsed(started));
            }

            throw;
        }
        catch (Exception e)
        {
            errorType = e.GetType().FullName;
            activity?.SetTag("error.type", errorType);
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                using var scope = context is null ? null : _logger.BeginScope(new S3LogScope(context));
                Log.OperationFaulted(_logger, operation, S3LogScope.Target(context), e.GetType().Name, Elapsed(started), context?.AttemptCount ?? 1, e);
            }

            throw;
        }
        finally
        {
            if (_metrics.IsObserved)
            {
                Record(request, operation, context, status, errorType, _timeProvider.GetElapsedTime(started));
            }
        }
    }

    private static Activity? StartActivity(string operation, S3RequestContext? context)
    {
        if (!S3Diagnostics.ActivitySource.HasListeners())
        {
            return null;
        }

        var activity = S3Diagnostics.ActivitySource.StartActivity(string.Concat("S3.", operation), ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "aws-api");
            activity.SetTag("rpc.service", "S3");
            activity.SetTag("rpc.method", operation);
            if (context?.BucketName is { } bucket)
            {
                activity.SetTag("aws.s3.bucket", bucket);
            }

            if (context is { IncludeKeyInDiagnostics: true, ObjectKey: { } key })
            {
                activity.SetTag("aws.s3.key", key);
            }
        }

        return activity;
    }

    // "AccessDenied (RequestId 4F2...)", or "(no error code)" for answers without a body, such as HEAD's.
    private static string Describe(S3Exception e) => (e.ErrorCode, e.RequestId) switch
    {
        (null, null) => "(no error code)",
        (null, { } id) => $"(no error code; RequestId {id})",
        ({ } code, null) => code,
        ({ } code, { } id) => $"{code} (RequestId {id})",
    };

    private double Elapsed(long started) => _timeProvider.GetElapsedTime(started).TotalMilliseconds;

    private void Record(HttpRequestMessage request, string operation, S3RequestContext? context, int? status, string? errorType, TimeSpan elapsed)
    {
        var method = new KeyValuePair<string, object?>("rpc.method", operation);
        var tags = new TagList { method };
        if (status is { } code)
        {
            tags.Add("http.response.status_code", code);
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
            _metrics.Errors.Add(1, method, new KeyValuePair<string, object?>("error.type", errorType));
        }

        _metrics.OperationDuration.Record(elapsed.TotalSeconds, tags);
        if (context is { AttemptCount: > 1 })
        {
            _metrics.Retries.Add(context.AttemptCount - 1, method);
        }

        if (request.Content is S3PayloadContent { Length: > 0 } payload)
        {
            _metrics.BytesSent.Add(payload.Length, method);
        }
    }

    private static string? RequestId(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("x-amz-request-id", out var values) ? values.ToString() : null;
}
