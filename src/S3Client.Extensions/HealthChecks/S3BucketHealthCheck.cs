using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace S3Client;

/// <summary>
/// Reports whether an S3 bucket can be reached and used, with a HeadBucket request
/// (<see cref="IS3Client.BucketExistsAsync"/>): healthy when it exists; the registration's failure status when it is
/// missing, access is denied, the service fails, the network fails or no answer comes within the timeout. Register it
/// with <c>AddHealthChecks().AddS3BucketCheck("bucket")</c>.
/// </summary>
/// <remarks>
/// The description names the bucket and the kind of failure (for a network failure, .NET's message with the address); the data holds <c>bucket</c> and, for an S3 error,
/// <c>statusCode</c>, <c>errorCode</c> (absent for HEAD answers, which have no body) and <c>requestId</c>. Neither
/// ever holds credentials. The exception, when there is one, is attached as <see cref="HealthCheckResult.Exception"/>;
/// S3Client's exceptions carry no secrets either.
/// </remarks>
public sealed class S3BucketHealthCheck : IHealthCheck
{
    private readonly IS3Client _client;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the check.</summary>
    /// <param name="client">The client to check with.</param>
    /// <param name="bucket">The bucket that must exist.</param>
    /// <param name="timeout">How long to wait for the answer, retries included; <see cref="DefaultTimeout"/> when null, <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="timeProvider">The clock of the timeout; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is zero or negative.</exception>
    public S3BucketHealthCheck(IS3Client client, string bucket, TimeSpan? timeout = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        _client = client;
        _timeProvider = timeProvider ?? TimeProvider.System;
        Bucket = bucket;
        Timeout = ValidTimeout(timeout);
    }

    /// <summary>The timeout when none is given: 5 seconds.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(5);

    /// <summary>The bucket that must exist.</summary>
    public string Bucket { get; }

    /// <summary>How long the check waits for the answer.</summary>
    public TimeSpan Timeout { get; }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failure = context?.Registration?.FailureStatus ?? HealthStatus.Unhealthy;
        var data = new Dictionary<string, object> { ["bucket"] = Bucket };
        using var timeout = Timeout == System.Threading.Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await _client.BucketExistsAsync(Bucket, linked.Token).ConfigureAwait(false)
                ? HealthCheckResult.Healthy($"S3 bucket '{Bucket}' is reachable.", data)
                : new HealthCheckResult(failure, $"S3 bucket '{Bucket}' does not exist.", data: data);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(failure, $"S3 bucket '{Bucket}' did not answer within {Seconds(Timeout)}.", e, data);
        }
        catch (S3AccessDeniedException e)
        {
            return new HealthCheckResult(
                failure, $"Access to S3 bucket '{Bucket}' was denied ({Describe(e, data)}): check the credentials and the bucket policy.", e, data);
        }
        catch (S3Exception e)
        {
            return new HealthCheckResult(failure, $"S3 bucket '{Bucket}' could not be checked: the service answered {Describe(e, data)}.", e, data);
        }
        catch (ArgumentException e)
        {
            // S3Client's validation messages name the rule and the bucket, nothing else.
            return new HealthCheckResult(failure, $"S3 bucket check is misconfigured: {e.Message}", e, data);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsNetworkFailure(e))
        {
            // .NET's network messages name the failure and the address (host:port), never headers or credentials.
            return new HealthCheckResult(failure, $"S3 bucket '{Bucket}' could not be reached: {NetworkMessages(e)}", e, data);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Other failures: the type only, since a foreign exception message may say more than it should.
            return new HealthCheckResult(failure, $"S3 bucket '{Bucket}' could not be reached ({e.GetType().Name}).", e, data);
        }
    }

    private static string Describe(S3Exception e, Dictionary<string, object> data)
    {
        data["statusCode"] = (int)e.StatusCode;
        if (e.ErrorCode is not null)
        {
            data["errorCode"] = e.ErrorCode;
        }

        if (e.RequestId is not null)
        {
            data["requestId"] = e.RequestId;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{(int)e.StatusCode} {e.ErrorCode ?? e.StatusCode.ToString()}");
    }

    private static bool IsNetworkFailure(Exception e) => e is HttpRequestException or IOException or TimeoutException;

    // "HttpRequestException: Connection refused (127.0.0.1:9000)", with the inner exceptions' messages that add to it.
    private static string NetworkMessages(Exception e)
    {
        var messages = new List<string>();
        for (Exception? current = e; current is not null && messages.Count < 4; current = current.InnerException)
        {
            if (current is HttpRequestException or IOException or TimeoutException or System.Net.Sockets.SocketException
                && !messages.Any(m => m.Contains(current.Message, StringComparison.Ordinal)))
            {
                messages.Add(current.Message);
            }
        }

        return $"{e.GetType().Name}: {string.Join(" ", messages)}";
    }

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static TimeSpan ValidTimeout(TimeSpan? timeout)
    {
        var value = timeout ?? DefaultTimeout;
        if (value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), value, "The health check timeout must be positive, or Timeout.InfiniteTimeSpan for none.");
        }

        return value;
    }
}
