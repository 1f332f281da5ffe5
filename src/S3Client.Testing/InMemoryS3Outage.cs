namespace S3Client.Testing;

/// <summary>
/// How an <see cref="InMemoryS3Client"/> fails while it plays an unavailable service
/// (<see cref="InMemoryS3Client.Outage"/>), for testing degradation paths such as an <see cref="S3FailoverClient"/>.
/// </summary>
public enum InMemoryS3Outage
{
    /// <summary>The store works.</summary>
    None,

    /// <summary>Every call fails as a service that answers 503 ServiceUnavailable after the client's retries.</summary>
    ServiceUnavailable,

    /// <summary>Every call fails as a service nobody listens for: an <see cref="HttpRequestException"/> (connection refused).</summary>
    Unreachable,
}
