using Microsoft.Extensions.Diagnostics.HealthChecks;
using S3Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers S3 health checks for ASP.NET Core health endpoints and Kubernetes probes.</summary>
public static partial class S3ClientHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds an <see cref="S3BucketHealthCheck"/>: HeadBucket on <paramref name="bucket"/> with the <see cref="IS3Client"/>
    /// from the container (registered by <c>AddS3Client</c>), healthy when the bucket exists.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="bucket">The bucket that must exist.</param>
    /// <param name="name">The check's name; <c>s3:{bucket}</c> (or <c>s3:{clientName}:{bucket}</c>) when null.</param>
    /// <param name="failureStatus">The status reported on failure; <see cref="HealthStatus.Unhealthy"/> when null.</param>
    /// <param name="tags">Tags to select the check by, such as <c>ready</c>.</param>
    /// <param name="timeout">How long to wait for the answer; <see cref="S3BucketHealthCheck.DefaultTimeout"/> (5 s) when null.</param>
    /// <param name="clientName">The key of a keyed <see cref="IS3Client"/> registration; the default client when null.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException">The bucket is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is zero or negative.</exception>
    public static IHealthChecksBuilder AddS3BucketCheck(
        this IHealthChecksBuilder builder, string bucket, string? name = null, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null,
        TimeSpan? timeout = null, string? clientName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        if (timeout is { } value && value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), value, "The health check timeout must be positive, or Timeout.InfiniteTimeSpan for none.");
        }

        return builder.Add(new HealthCheckRegistration(
            name ?? (clientName is null ? $"s3:{bucket}" : $"s3:{clientName}:{bucket}"),
            services => new S3BucketHealthCheck(
                clientName is null ? services.GetRequiredService<IS3Client>() : services.GetRequiredKeyedService<IS3Client>(clientName),
                bucket,
                timeout,
                services.GetService<TimeProvider>()),
            failureStatus,
            tags));
    }
}
